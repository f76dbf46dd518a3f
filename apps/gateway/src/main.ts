import 'reflect-metadata';
import { runMain } from '@socle/core';
import { gatewayPart } from './gateway-part';

runMain([gatewayPart]);
