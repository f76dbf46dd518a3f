import { Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { SocleConfig } from '../config/socle-config';
import { logOptions } from './log-options';

/** JSON logs (readable ones in a development terminal), one line per request, tagged with the id set by requestIdMiddleware. */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [SocleConfig],
      useFactory: (config: SocleConfig) => ({
        forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
        pinoHttp: {
          ...logOptions(config),
          genReqId: (request) => String((request as { id?: string }).id ?? ''),
          redact: ['req.headers.authorization', 'req.headers.cookie', `req.headers["${config.clientCertHeader}"]`],
          autoLogging: { ignore: (request) => request.url === '/api/health' || request.url === '/metrics' },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
