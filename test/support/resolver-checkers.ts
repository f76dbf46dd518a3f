import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ApiClient } from './api-client';

export type DnsExportFormat = 'rpz' | 'unbound';

/**
 * Runs the resolvers' own checkers on an export: `named-checkzone` (BIND, Debian `bind9-utils`) and
 * `unbound-checkconf` (Debian `unbound`; only the checker runs, never the daemon). Unbound merely
 * warns about a duplicate zone and keeps one at random, so a warning fails as an error does.
 * Throws with the checker's words.
 */
export function checkWithResolver(format: DnsExportFormat, text: string): void {
  const directory = mkdtempSync(join(tmpdir(), 'socle-dns-'));
  try {
    const file = join(directory, format === 'rpz' ? 'rpz.zone' : 'socle.conf');
    writeFileSync(file, text);
    const [command, args] =
      format === 'rpz'
        ? ['named-checkzone', ['-k', 'fail', '-n', 'fail', 'rpz.socle', file]]
        : ['unbound-checkconf', [file]];
    const run = spawnSync(command, args, { encoding: 'utf8' });
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error?.message ?? ''}`;
    if (run.status !== 0) throw new Error(`${command} refused the ${format} export:\n${output}`);
    if (/warning|error/i.test(output.replace(/no errors in/g, '')))
      throw new Error(`${command} warned about the ${format} export:\n${output}`);
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

/** Every export a filtering test downloads goes through here, so none escapes the resolvers' checkers. */
export async function fetchDnsExport(client: ApiClient, schoolId: string, format: DnsExportFormat) {
  const response = await fetch(`${client.baseUrl}/api/v1/filtering/exports/${schoolId}/${format}`, {
    headers: { authorization: `Bearer ${client.token}` },
  });
  if (response.status !== 200) throw new Error(`export ${format}: ${response.status} ${await response.text()}`);
  const text = await response.text();
  checkWithResolver(format, text);
  return { text, headers: response.headers };
}
