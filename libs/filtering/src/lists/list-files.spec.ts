import { createReadStream, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { create } from 'tar';
import { archiveListFiles, folderListFiles, linesOf, ListFile, OVERLONG_LINE } from './list-files';
import { parseListLine } from './list-lines';

async function collect(files: AsyncIterable<ListFile>) {
  const out: Array<[string, string, string[]]> = [];
  for await (const file of files) {
    const lines: string[] = [];
    for await (const line of file.lines) lines.push(line);
    out.push([file.category, file.kind, lines]);
  }
  return out;
}

function listsFolder(): string {
  const root = mkdtempSync(join(tmpdir(), 'socle-lists-'));
  mkdirSync(join(root, 'blacklists', 'adult'), { recursive: true });
  mkdirSync(join(root, 'blacklists', 'gambling'), { recursive: true });
  writeFileSync(join(root, 'blacklists', 'adult', 'domains'), '# adult\nxxx.example\r\nÉcole-X.fr\n');
  writeFileSync(join(root, 'blacklists', 'adult', 'usage'), 'black\n');
  writeFileSync(join(root, 'blacklists', 'gambling', 'urls'), 'casino.example/poker');
  symlinkSync('adult', join(root, 'blacklists', 'porn'));
  return root;
}

describe('UT1 list files', () => {
  const expected = [
    ['adult', 'domains', ['# adult', 'xxx.example', 'École-X.fr']],
    ['gambling', 'urls', ['casino.example/poker']],
  ];

  it('reads a folder, skipping aliases and other files', async () => {
    expect(await collect(folderListFiles(listsFolder()))).toEqual(expected);
  });

  it('reads the same layout from a .tar.gz stream', async () => {
    const root = listsFolder();
    const archive = join(root, 'lists.tar.gz');
    await create({ gzip: true, cwd: root, file: archive }, ['blacklists']);
    const files = await collect(archiveListFiles(createReadStream(archive)));
    expect(files.sort((a, b) => a[0].localeCompare(b[0]))).toEqual(expected);
  });

  it.each([
    ['not an archive', Buffer.from('bonjour, ceci est un fichier texte\n'.repeat(40))],
    ['a truncated archive', 'truncate'],
  ])('rejects %s with LIST_ARCHIVE_INVALID', async (_name, input) => {
    let bytes = input as Buffer;
    if (input === 'truncate') {
      const root = listsFolder();
      const archive = join(root, 'lists.tar.gz');
      writeFileSync(
        join(root, 'blacklists', 'adult', 'domains'),
        Array.from({ length: 5000 }, (_, index) => `site${index}.example`).join('\n'),
      );
      await create({ gzip: true, cwd: root, file: archive }, ['blacklists']);
      const whole = await collectBytes(createReadStream(archive));
      bytes = whole.subarray(0, Math.floor(whole.length / 2));
    }
    await expect(collect(archiveListFiles(Readable.from([bytes])))).rejects.toMatchObject({
      code: 'LIST_ARCHIVE_INVALID',
    });
  });

  it('fails, rather than waits, when the upload is cut off mid-archive', async () => {
    const root = listsFolder();
    const archive = join(root, 'lists.tar.gz');
    writeFileSync(
      join(root, 'blacklists', 'adult', 'domains'),
      Array.from({ length: 20_000 }, (_, index) => `site${index}.example`).join('\n'),
    );
    await create({ gzip: true, cwd: root, file: archive }, ['blacklists']);
    const whole = await collectBytes(createReadStream(archive));
    const input = new PassThrough();
    input.write(whole.subarray(0, whole.length >> 1));
    setTimeout(() => input.destroy(), 50);
    await expect(collect(archiveListFiles(input))).rejects.toMatchObject({ code: 'LIST_ARCHIVE_INVALID' });
  });

  it('splits lines across chunks, decodes UTF-8 split mid-character and neutralises endless lines', async () => {
    const text = Buffer.from('a.fr\nécole.fr\n');
    const chunks = [text.subarray(0, 7), text.subarray(7)];
    expect(await array(linesOf(Readable.from(chunks)))).toEqual(['a.fr', 'école.fr']);
    expect(await array(linesOf(Readable.from(['x'.repeat(3000), 'x'.repeat(3000), '\nok.fr'])))).toEqual([
      OVERLONG_LINE,
      'ok.fr',
    ]);
  });

  it('parses entries: comments, notes after the entry, URL lines without path, junk', () => {
    expect(parseListLine('domains', '  # commentaire')).toBe('blank');
    expect(parseListLine('domains', '.Example.FR  # note')).toEqual({ kind: 'domain', value: 'example.fr' });
    expect(parseListLine('urls', 'example.fr')).toEqual({ kind: 'domain', value: 'example.fr' });
    expect(parseListLine('urls', 'Example.fr/Jeux/')).toEqual({ kind: 'url', value: 'example.fr/jeux' });
    expect(parseListLine('domains', 'pas un domaine !')).toBe('invalid');
    expect(parseListLine('domains', OVERLONG_LINE)).toBe('invalid');
  });
});

async function array(lines: AsyncIterable<string>) {
  const out: string[] = [];
  for await (const line of lines) out.push(line);
  return out;
}

async function collectBytes(stream: AsyncIterable<Buffer>) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
