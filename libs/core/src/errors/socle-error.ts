import { HttpStatus } from '@nestjs/common';

/**
 * The one exception of the domain: a stable UPPER_SNAKE `code` that clients switch on, the HTTP
 * status it maps to, and a French message a technician or teacher can act on.
 */
export class SocleError extends Error {
  constructor(
    readonly status: HttpStatus,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  static notFound(code: string, message: string): SocleError {
    return new SocleError(HttpStatus.NOT_FOUND, code, message);
  }

  static conflict(code: string, message: string, details?: Record<string, unknown>): SocleError {
    return new SocleError(HttpStatus.CONFLICT, code, message, details);
  }

  static forbidden(code: string, message: string): SocleError {
    return new SocleError(HttpStatus.FORBIDDEN, code, message);
  }

  static badRequest(code: string, message: string, details?: Record<string, unknown>): SocleError {
    return new SocleError(HttpStatus.BAD_REQUEST, code, message, details);
  }

  static unauthorized(code: string, message: string): SocleError {
    return new SocleError(HttpStatus.UNAUTHORIZED, code, message);
  }
}
