import { parseRetryAfter, retryDelayMs } from './retry-policy';

describe('retry policy', () => {
  const policy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 60_000 };

  it('honours Retry-After in seconds and as an HTTP date, within the cap', () => {
    const now = Date.parse('2026-12-01T10:00:00Z');
    expect(parseRetryAfter('7')).toBe(7000);
    expect(parseRetryAfter('Tue, 01 Dec 2026 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(retryDelayMs(policy, 1, '7')).toBe(7000);
    expect(retryDelayMs(policy, 1, '3600')).toBe(60_000);
  });

  it('backs off exponentially with jitter when the server says nothing', () => {
    expect(retryDelayMs(policy, 1, null, 0, () => 0)).toBe(250);
    expect(retryDelayMs(policy, 1, null, 0, () => 1)).toBe(500);
    expect(retryDelayMs(policy, 4, null, 0, () => 1)).toBe(4000);
    expect(retryDelayMs(policy, 20, null, 0, () => 1)).toBe(60_000);
  });
});
