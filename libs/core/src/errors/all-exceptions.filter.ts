import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { SocleError } from './socle-error';
import { isDatabaseUnavailable } from './database-unavailable';

interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId?: string;
  [detail: string]: unknown;
}

const HTTP_CODES: Record<number, { code: string; message: string }> = {
  // Outside our DTOs, a 400 comes from the body parser: the JSON itself is unreadable.
  400: { code: 'VALIDATION_FAILED', message: 'Le corps de la requête est illisible : envoyez un objet JSON valide.' },
  401: { code: 'UNAUTHENTICATED', message: 'Authentification requise : connectez-vous puis réessayez.' },
  403: { code: 'FORBIDDEN', message: "Vous n'avez pas le droit de faire cette action." },
  404: { code: 'NOT_FOUND', message: "Cette ressource n'existe pas." },
  413: { code: 'PAYLOAD_TOO_LARGE', message: 'Le contenu envoyé est trop volumineux.' },
  415: { code: 'UNSUPPORTED_MEDIA_TYPE', message: "Ce type de contenu n'est pas accepté." },
  429: { code: 'RATE_LIMITED', message: 'Trop de tentatives : patientez une minute avant de réessayer.' },
  503: {
    code: 'SERVICE_UNAVAILABLE',
    message:
      'Un service dont Socle dépend (base de données ou Redis) est injoignable : réessayez dans quelques instants.',
  },
};

/** Maps every error to `{statusCode, code, message}`; unexpected ones become a 500 that only names the request id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, request.id ? String(request.id) : undefined);
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: body.requestId, path: request.url }, 'request failed');
    }
    // A SocleError that says how long to wait (login slowed down) says it in the standard header too.
    const retryAfter = (body as { retryAfterSeconds?: unknown }).retryAfterSeconds;
    if (!response.headersSent && typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, requestId?: string): ErrorBody {
    if (exception instanceof SocleError) {
      return {
        statusCode: exception.status,
        code: exception.code,
        message: exception.message,
        ...exception.details,
        requestId,
      };
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: HttpStatus.SERVICE_UNAVAILABLE,
        code: 'DATABASE_UNAVAILABLE',
        message: 'La base de données est momentanément injoignable : réessayez dans quelques instants.',
        requestId,
      };
    }
    const bodyParserStatus = bodyParserErrorStatus(exception);
    if (bodyParserStatus) return { statusCode: bodyParserStatus, ...HTTP_CODES[bodyParserStatus], requestId };
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const known = HTTP_CODES[status] ?? { code: 'HTTP_ERROR', message: exception.message };
      // Terminus answers 503 with which checks failed: keep that, it is what an operator needs.
      const response = exception.getResponse();
      const details = status === HttpStatus.SERVICE_UNAVAILABLE && typeof response === 'object' ? response : {};
      return { ...details, statusCode: status, ...known, requestId };
    }
    if (exception instanceof QueryFailedError && (exception.driverError as { code?: string })?.code === '22P02') {
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: 'Un identifiant fourni est mal formé.', requestId };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: `Erreur interne. Communiquez cet identifiant au support : ${requestId ?? 'inconnu'}.`,
      requestId,
    };
  }
}

/** body-parser's own errors (too large, unreadable) carry an exposed 4xx status but are not HttpExceptions. */
function bodyParserErrorStatus(exception: unknown): number | undefined {
  const candidate = exception as { type?: string; status?: number; expose?: boolean } | undefined;
  if (!candidate?.expose || typeof candidate.type !== 'string' || !candidate.type.startsWith('entity.'))
    return undefined;
  return candidate.status === 413 ? 413 : candidate.status === 415 ? 415 : 400;
}
