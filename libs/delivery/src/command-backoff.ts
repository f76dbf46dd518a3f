const BASE_SECONDS = 30;
const MAX_SECONDS = 3600;

/** not_now (a tablet busy in class, a laptop on battery): try again later, a little later each time. */
export function notNowDelaySeconds(attempts: number): number {
  return Math.min(MAX_SECONDS, BASE_SECONDS * 2 ** Math.max(0, attempts - 1));
}
