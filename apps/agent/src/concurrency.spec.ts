import { setTimeout as sleep } from 'node:timers/promises';
import { forEachWithConcurrency } from './concurrency';

describe('forEachWithConcurrency', () => {
  it('never has more than the limit in flight and visits every item despite failures', async () => {
    let inFlight = 0;
    let peak = 0;
    const visited: number[] = [];
    await forEachWithConcurrency([...Array(20).keys()], 4, async (item) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await sleep(5);
      inFlight--;
      visited.push(item);
      if (item % 3 === 0) throw new Error('refused');
    });
    expect(peak).toBe(4);
    expect(visited.sort((a, b) => a - b)).toEqual([...Array(20).keys()]);
  });

  it('starts nothing more once aborted', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    await forEachWithConcurrency(
      [1, 2, 3, 4],
      1,
      async (item) => {
        started.push(item);
        if (item === 2) controller.abort();
      },
      controller.signal,
    );
    expect(started).toEqual([1, 2]);
  });
});
