import { longPollRequestTimeoutMs, longPollRetryPauseMs, longPollSeconds, LONG_POLL_MAX_SECONDS } from './long-poll';

describe('long-poll timing', () => {
  it('asks for whole seconds within what the gateway accepts (1 to 55)', () => {
    expect(longPollSeconds(250)).toBe(1);
    expect(longPollSeconds(0)).toBe(1);
    expect(longPollSeconds(1_001)).toBe(2);
    expect(longPollSeconds(30_000)).toBe(30);
    expect(longPollSeconds(900_000)).toBe(LONG_POLL_MAX_SECONDS);
    expect(longPollSeconds(Infinity)).toBe(LONG_POLL_MAX_SECONDS);
  });

  it('lets the request outlive the wait it asks the gateway to hold', () => {
    expect(longPollRequestTimeoutMs(55)).toBeGreaterThan(55_000);
  });

  it('pauses after a failure, but never past the next check-in', () => {
    expect(longPollRetryPauseMs(600_000)).toBe(5_000);
    expect(longPollRetryPauseMs(1_200)).toBe(1_200);
    expect(longPollRetryPauseMs(-5)).toBe(0);
  });
});
