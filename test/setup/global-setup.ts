import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { testDatabaseUrl, testRunId } from './test-run';

/**
 * Creates this run's database, applies the migrations once (with the same CLI as production, in a
 * child process that resolves the @socle/* paths), and points every suite at it.
 */
export default async function globalSetup(): Promise<void> {
  const runId = testRunId();
  process.env.NODE_ENV = 'test';
  process.env.SOCLE_DATABASE_URL = testDatabaseUrl(runId);
  process.env.SOCLE_REDIS_PREFIX = `socle-test-${runId}`;
  process.env.SOCLE_MASTER_KEY ??= randomBytes(32).toString('base64');
  process.env.SOCLE_JWT_SECRET ??= randomBytes(48).toString('base64url');
  process.env.SOCLE_LOG_LEVEL ??= 'silent';
  // Every suite signs in from 127.0.0.1: the spraying limit is tested on its own address (test/accounts).
  process.env.SOCLE_LOGIN_FREE_FAILURES_PER_ADDRESS ??= '1000';
  const root = join(__dirname, '..', '..');
  execFileSync(process.execPath, ['-r', '@swc-node/register', join(root, 'libs/core/src/database/migrate-cli.ts')], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
