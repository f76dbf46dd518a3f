import Redis from 'ioredis';
import { Queue } from 'bullmq';
import { JobName, jobId, QueueName, redisConnectionOptions, SocleConfig } from '@socle/core';

/**
 * Deletes every key of one prefix, as a FLUSHALL would for this instance only: other test runs
 * (or a developer's Socle) may share the Redis, so FLUSHALL itself is out of the question. SCAN
 * rather than KEYS, which would block that shared Redis while it walks the whole keyspace.
 */
export async function deleteKeysWithPrefix(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisConnectionOptions(redisUrl));
  let deleted = 0;
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1_000 }) as AsyncIterable<string[]>) {
      if (keys.length) deleted += await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}

/** A Redis prefix of its own for one suite, under the run's prefix so the global teardown still removes it. */
export function suitePrefix(suite: string): string {
  return `${process.env.SOCLE_REDIS_PREFIX ?? 'socle-test'}-${suite}`;
}

export function deliveryQueue(config: SocleConfig): Queue {
  return new Queue(QueueName.Delivery, {
    connection: redisConnectionOptions(config.redisUrl),
    prefix: config.redisPrefix,
  });
}

/** The deliver-command job ids of these commands (deterministic: database instance + command id). */
export function deliverJobIds(instanceId: string, commandIds: readonly string[]): string[] {
  return commandIds.map((commandId) => jobId(JobName.DeliverCommand, instanceId, commandId));
}

/** Which of these job ids Redis holds, in whatever state (waiting, active, completed…). */
export async function jobsPresent(queue: Queue, ids: readonly string[]): Promise<number> {
  const jobs = await Promise.all(ids.map((id) => queue.getJob(id)));
  return jobs.filter(Boolean).length;
}
