import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { create } from 'tar';

/** Category lists in the UT1 layout, written by the test itself: `{category: {domains?, urls?}}`. */
export type ListsSpec = Record<string, { domains?: string[]; urls?: string[] }>;

export function writeLists(spec: ListsSpec): string {
  const root = mkdtempSync(join(tmpdir(), 'socle-ut1-'));
  mkdirSync(join(root, 'blacklists'));
  for (const [category, files] of Object.entries(spec)) {
    const directory = join(root, 'blacklists', category);
    mkdirSync(directory, { recursive: true });
    writeFileSync(join(directory, 'usage'), 'black\n');
    for (const kind of ['domains', 'urls'] as const) {
      if (files[kind])
        writeFileSync(join(directory, kind), `# ${category} — liste de test\n${files[kind]!.join('\n')}\n`);
    }
  }
  return root;
}

export async function listsArchive(spec: ListsSpec): Promise<Buffer> {
  const root = writeLists(spec);
  const file = join(root, 'blacklists.tar.gz');
  await create({ gzip: true, cwd: root, file }, ['blacklists']);
  return readFileSync(file);
}

export async function uploadLists(apiUrl: string, token: string, body: Buffer, contentType = 'application/gzip') {
  const response = await fetch(`${apiUrl}/api/v1/filtering/lists`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType, 'x-file-name': 'blacklists.tar.gz' },
    body,
  });
  return { status: response.status, body: (await response.json()) as any };
}
