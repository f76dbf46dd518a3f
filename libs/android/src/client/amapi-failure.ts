/** What an AMAPI call's failure boils down to, whatever gaxios version threw it. */
export interface AmapiFailure {
  /** HTTP status, or undefined when no answer came (refused, reset, timed out). */
  status?: number;
  retryAfter?: string | null;
  /** Google's `error.message`, kept for logs and for the 400 detail. */
  message: string;
  /** The token exchange itself failed (invalid_grant, bad key): retrying will not help. */
  auth: boolean;
}

export function describeFailure(error: unknown): AmapiFailure {
  const e = error as {
    status?: number;
    code?: string | number;
    message?: string;
    response?: { status?: number; headers?: unknown; data?: any; config?: { url?: unknown } };
    config?: { url?: unknown };
  };
  const status = e.response?.status ?? (typeof e.status === 'number' ? e.status : undefined);
  const headers = e.response?.headers as { get?: (name: string) => string | null } | Record<string, string> | undefined;
  const retryAfter =
    headers && typeof (headers as any).get === 'function'
      ? (headers as any).get('retry-after')
      : ((headers as Record<string, string> | undefined)?.['retry-after'] ?? null);
  const data = e.response?.data;
  const googleMessage = typeof data?.error === 'object' ? data.error?.message : undefined;
  const oauthError = typeof data?.error === 'string' ? data.error : undefined;
  return {
    status,
    retryAfter,
    message: String(googleMessage ?? data?.error_description ?? e.message ?? 'unknown error'),
    auth: Boolean(oauthError) && status !== undefined && status < 500 && status !== 429,
  };
}
