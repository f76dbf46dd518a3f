import { QueryFailedError } from 'typeorm';

/** The PostgreSQL constraint a failed query hit, or undefined when the failure was something else. */
export function violatedConstraint(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return ['23505', '23503', '23514', '23P01'].includes(driverError.code ?? '') ? driverError.constraint : undefined;
}
