import { randomBytes } from 'node:crypto';

/** Names shared by the global setup and the suites: one database and one Redis prefix per run. */
export function testRunId(): string {
  process.env.SOCLE_TEST_RUN_ID ??= `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  return process.env.SOCLE_TEST_RUN_ID;
}

export function testDatabaseUrl(runId = testRunId()): string {
  const base = new URL(process.env.SOCLE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/socle_test_${runId}`;
  return base.toString();
}
