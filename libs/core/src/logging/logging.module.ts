import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { SocleConfig } from '../config/socle-config';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** JSON logs, one line per request, each tagged with a request id (taken from X-Request-Id when sane, echoed back). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [SocleConfig],
      useFactory: (config: SocleConfig) => ({
        pinoHttp: {
          level: config.logLevel,
          genReqId: (request, response) => {
            const incoming = request.headers['x-request-id'];
            const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
            response.setHeader('x-request-id', id);
            return id;
          },
          redact: ['req.headers.authorization', 'req.headers.cookie', `req.headers["${config.clientCertHeader}"]`],
          autoLogging: { ignore: (request) => request.url === '/api/health' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
