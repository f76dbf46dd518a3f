const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P03',
  '08006',
  '08001',
  '08003',
]);

/** True when PostgreSQL could not be reached, as opposed to a query it refused. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const candidate = error as { code?: string; driverError?: { code?: string }; message?: string };
  const code = candidate.driverError?.code ?? candidate.code;
  if (code && CONNECTION_ERRORS.has(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Query read timeout/i.test(
    candidate.message ?? '',
  );
}
