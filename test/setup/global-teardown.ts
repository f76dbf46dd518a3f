import { Client } from 'pg';
import Redis from 'ioredis';
import { testRunId } from './test-run';

/** Drops this run's database and Redis keys, unless SOCLE_TEST_KEEP is set to inspect them. */
export default async function globalTeardown(): Promise<void> {
  if (process.env.SOCLE_TEST_KEEP) return;
  const runId = testRunId();
  const admin = new Client({
    connectionString: process.env.SOCLE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
  });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "socle_test_${runId}" WITH (FORCE)`);
  await admin.end();
  const redis = new Redis(process.env.SOCLE_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = await redis.keys(`socle-test-${runId}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
