import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { DEFAULT_JOB_OPTIONS, jobId, JobName, redisConnectionOptions, SocleConfig } from '@socle/core';

const CHUNK = 1_000;

/**
 * The ceiling for Socle's enqueue: BullMQ's own addBulk, in chunks of 1,000 like DeliveryJobs, with
 * the same job shape, options and deterministic ids, on a scratch queue of the same Redis and prefix.
 * Returns the milliseconds taken by `count` jobs; a small warm-up batch loads the Lua scripts first.
 */
export async function rawAddBulkMs(config: SocleConfig, count: number): Promise<number> {
  const queue = new Queue(`bench-raw-${randomUUID().slice(0, 8)}`, {
    connection: redisConnectionOptions(config.redisUrl),
    prefix: config.redisPrefix,
    defaultJobOptions: DEFAULT_JOB_OPTIONS,
  });
  const jobsOf = (size: number) =>
    Array.from({ length: size }, () => {
      const commandId = randomUUID();
      return {
        name: JobName.DeliverCommand,
        data: { commandId },
        opts: { jobId: jobId(JobName.DeliverCommand, 'raw', commandId) },
      };
    });
  try {
    await queue.addBulk(jobsOf(10));
    const batches = Array.from({ length: Math.ceil(count / CHUNK) }, (_, index) =>
      jobsOf(Math.min(CHUNK, count - index * CHUNK)),
    );
    const start = performance.now();
    for (const batch of batches) await queue.addBulk(batch);
    return performance.now() - start;
  } finally {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}
