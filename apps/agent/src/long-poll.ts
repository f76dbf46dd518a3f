/** The gateway refuses a longer wait (`GET /v1/wait`, timeoutSeconds at most 55). */
export const LONG_POLL_MAX_SECONDS = 55;

/** The gateway answers only when the wait is over, so the request must be allowed to outlive it. */
const REQUEST_MARGIN_MS = 10_000;

/** After a failed long-poll, pause before the next one so an unreachable gateway is not hammered. */
const RETRY_PAUSE_MS = 5_000;

/**
 * Whole seconds to ask the gateway to hold the long-poll, for a device whose next check-in is due
 * in `remainingMs`: at least 1 (the gateway's minimum), at most 55, never much past the due time.
 */
export function longPollSeconds(remainingMs: number): number {
  if (!Number.isFinite(remainingMs)) return LONG_POLL_MAX_SECONDS;
  return Math.min(LONG_POLL_MAX_SECONDS, Math.max(1, Math.ceil(remainingMs / 1000)));
}

export function longPollRequestTimeoutMs(seconds: number): number {
  return seconds * 1000 + REQUEST_MARGIN_MS;
}

/** How long to pause after a failed long-poll: the retry pause, or less when the check-in is due sooner. */
export function longPollRetryPauseMs(remainingMs: number): number {
  return Math.max(0, Math.min(remainingMs, RETRY_PAUSE_MS));
}
