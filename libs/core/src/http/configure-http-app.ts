import { INestApplication } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { AllExceptionsFilter } from '../errors/all-exceptions.filter';
import { createValidationPipe } from '../errors/validation-failed';
import { requestIdMiddleware } from './request-context';

/** The HTTP habits shared by the api and the gateway: request ids, JSON logs, one error shape, strict DTOs. */
export function configureHttpApp(app: INestApplication): void {
  app.use(requestIdMiddleware);
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  // No Nest shutdown hooks: runMain owns SIGTERM/SIGINT and stops every part of the process in order, within a bounded time.
  const express = app.getHttpAdapter().getInstance();
  express.disable('x-powered-by');
  express.set('trust proxy', false);
}
