import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `probe` until `done` accepts its value or `withinMs` has passed, and returns the last value
 * either way: the test asserts on the state reached, not on how long it took.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  withinMs = 20_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await sleep(everyMs);
    value = await probe();
  }
  return value;
}

/** Midnight UTC, `days` from today, plus `hours`: far enough ahead that no booking is in the past. */
export function dayAt(days: number, hours: number, minutes = 0): Date {
  const date = new Date();
  date.setUTCHours(0, 0, 0, 0);
  return new Date(date.getTime() + days * 86_400_000 + hours * 3_600_000 + minutes * 60_000);
}
