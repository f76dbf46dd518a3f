import { t } from '../i18n/i18n';

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  requestId?: unknown;
  fields?: Array<{ field: string; problems: string[] }>;
}

/** An API refusal, carrying the French `message` the API wrote; the code stays for the program, never for the reader. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | null,
    readonly fields: Array<{ field: string; problems: string[] }> = [],
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }

  static fromResponse(status: number, body: unknown): ApiError {
    const value = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody & Record<string, unknown>;
    const message =
      typeof value.message === 'string' && value.message.trim() ? value.message : t('errors.status', { status });
    return new ApiError(
      status,
      typeof value.code === 'string' ? value.code : 'UNKNOWN',
      message,
      typeof value.requestId === 'string' ? value.requestId : null,
      Array.isArray(value.fields) ? value.fields : [],
      value,
    );
  }

  static network(): ApiError {
    return new ApiError(0, 'NETWORK', t('errors.network'), null);
  }
}

/** What any failure reads as, in French: an ApiError's message, or a generic sentence (never a stack or "undefined"). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return t('errors.unexpected');
}
