import 'reflect-metadata';
import { runMain } from '@socle/core';
import { apiPart } from './api-part';

runMain([apiPart]);
