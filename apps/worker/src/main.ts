import 'reflect-metadata';
import { runMain } from '@socle/core';
import { workerPart } from './worker-part';

runMain([workerPart]);
