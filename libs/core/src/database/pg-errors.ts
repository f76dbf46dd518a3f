import { QueryFailedError } from 'typeorm';

/** The PostgreSQL constraint a failed query hit, or undefined when the failure was something else. */
export function violatedConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return ['23505', '23503', '23514', '23P01'].includes(driverError.code ?? '') ? driverError.constraint : undefined;
}

/** PostgreSQL gave up the transaction to keep it serializable or to break a deadlock: safe to retry. */
export function isRetryableTransactionError(error: unknown): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const code = (error.driverError as { code?: string }).code;
  return code === '40001' || code === '40P01';
}
