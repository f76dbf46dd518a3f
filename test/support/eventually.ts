import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Polls `probe` until `done` accepts its value or `withinMs` has passed, and returns the last value
 * either way: the test asserts on the state reached, not on how long it took.
 */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  withinMs: number,
  everyMs = 250,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await sleep(everyMs);
    value = await probe();
  }
  return value;
}
