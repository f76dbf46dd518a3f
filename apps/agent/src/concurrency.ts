/**
 * Runs `task` over `items` with at most `limit` in flight, in order of start; never rejects, so one
 * refused enrollment does not hide the outcome of the others. Stops starting new tasks once aborted.
 */
export async function forEachWithConcurrency<T>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<void>,
  signal?: AbortSignal,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length && !signal?.aborted) {
      const index = next++;
      await task(items[index], index).catch(() => undefined);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
  await Promise.all(workers);
}
