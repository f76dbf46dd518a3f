import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { prepareDatabase } from '../../libs/core/src/database/prepare-database';
import { testDatabaseUrl, testRunId } from './test-run';

/** Creates this run's database, applies the migrations once, and points every suite at it. */
export default async function globalSetup(): Promise<void> {
  const runId = testRunId();
  process.env.NODE_ENV = 'test';
  process.env.SOCLE_DATABASE_URL = testDatabaseUrl(runId);
  process.env.SOCLE_REDIS_PREFIX = `socle-test-${runId}`;
  process.env.SOCLE_MASTER_KEY ??= randomBytes(32).toString('base64');
  process.env.SOCLE_JWT_SECRET ??= randomBytes(48).toString('base64url');
  process.env.SOCLE_LOG_LEVEL ??= 'silent';
  await prepareDatabase({ databaseUrl: process.env.SOCLE_DATABASE_URL });
}
