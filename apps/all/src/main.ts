import 'reflect-metadata';
import { runMain } from '@socle/core';
import { apiPart } from '../../api/src/api-part';
import { gatewayPart } from '../../gateway/src/gateway-part';
import { workerPart } from '../../worker/src/worker-part';

/** `npm start`: the three apps in one process, each started by its own bootstrap (the default for a single town). */
runMain([workerPart, apiPart, gatewayPart]);
