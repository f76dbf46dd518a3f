import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { prepareDatabase } from '@socle/core';
import { createSchool, createTenant, login } from '../support/factories';
import { PLATFORM_ADMIN, startStack, TestStack } from '../support/test-stack';

/**
 * docs/operations.md's backup and restore, run as written: pg_dump of the live database, pg_restore
 * into a fresh one, and Socle started on the copy finds what was there.
 */
describe('Backup and restore of PostgreSQL', () => {
  let stack: TestStack;
  let restored: TestStack | undefined;
  const directory = mkdtempSync(join(tmpdir(), 'socle-backup-'));
  let freshUrl: string;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await restored?.close();
    await stack.close();
    if (freshUrl) execFileSync('dropdb', ['--if-exists', '--force', ...connection(freshUrl)]);
    rmSync(directory, { recursive: true, force: true });
  });

  it('restores a pg_dump into a fresh database that Socle starts on, with the data and without a migration to run', async () => {
    const town = await createTenant(stack, `Commune sauvegardée ${Date.now()}`);
    const school = await createSchool(town.technician);
    const dump = join(directory, 'socle.dump');
    // The commands of docs/operations.md.
    execFileSync('pg_dump', ['--format=custom', `--file=${dump}`, stack.config.databaseUrl]);
    expect(statSync(dump).size).toBeGreaterThan(10_000);
    const url = new URL(stack.config.databaseUrl);
    url.pathname = `/${url.pathname.slice(1)}_restored`;
    freshUrl = url.toString();
    execFileSync('createdb', connection(freshUrl));
    execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${freshUrl}`, dump]);

    const client = new Client({ connectionString: freshUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        'SELECT s.name, c.name AS town FROM schools s JOIN collectivites c ON c.id = s.collectivite_id WHERE s.id = $1',
        [school.id],
      );
      expect(rows).toEqual([{ name: school.name, town: expect.stringContaining('Commune sauvegardée') }]);
      // The audit trail comes back with its guard: entries still cannot be edited.
      await expect(client.query('UPDATE audit_entries SET action = action')).rejects.toThrow();
    } finally {
      await client.end();
    }
    expect(await prepareDatabase({ databaseUrl: freshUrl })).toEqual([]);
    restored = await startStack({ databaseUrl: freshUrl });
    const admin = await login(restored.api, town.adminEmail, 'mot-de-passe-solide');
    expect((await admin.get(`/api/v1/schools/${school.id}`)).body).toMatchObject({ id: school.id, name: school.name });
    expect((await login(restored.api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password)).token).toBeTruthy();
  });
});

/** createdb / dropdb take the connection as options and the database name last. */
function connection(databaseUrl: string): string[] {
  const url = new URL(databaseUrl);
  return [
    '-h',
    url.hostname,
    '-p',
    url.port || '5432',
    '-U',
    decodeURIComponent(url.username || 'postgres'),
    url.pathname.slice(1),
  ];
}
