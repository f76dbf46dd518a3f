import { createReadStream } from 'node:fs';
import { opendir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { finished as streamFinished, Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { Parser, ReadEntry } from 'tar';

/** One `domains` or `urls` file of one category; `lines` must be read to the end before asking for the next file. */
export interface ListFile {
  category: string;
  kind: 'domains' | 'urls';
  lines: AsyncIterable<string>;
}

/** What went wrong with the lists themselves (not with the database): the importer answers 422 with it. */
export class ListImportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const LIST_FILES = new Set(['domains', 'urls']);
const CATEGORY = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const MAX_LINE = 4096;
const MAX_DEPTH = 4;

/**
 * squidGuard / UT1 layout from a folder: every directory holding a `domains` or `urls` file is a
 * category named after it, at any depth (`blacklists/adult/domains` or `adult/domains`). Symbolic
 * links (UT1's aliases such as `porn -> adult`) are skipped: they would import a category twice.
 */
export async function* folderListFiles(root: string): AsyncGenerator<ListFile> {
  const info = await stat(root).catch(() => undefined);
  if (!info?.isDirectory()) throw new ListImportError('LIST_SOURCE_NOT_FOUND', `Dossier introuvable : ${root}.`);
  yield* walk(root, 0);
}

async function* walk(directory: string, depth: number): AsyncGenerator<ListFile> {
  const entries = [];
  for await (const entry of await opendir(directory)) entries.push(entry);
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isFile() && LIST_FILES.has(entry.name)) {
      yield {
        category: categoryName(basename(directory)),
        kind: entry.name as ListFile['kind'],
        lines: linesOf(createReadStream(path)),
      };
    } else if (entry.isDirectory() && depth < MAX_DEPTH) {
      yield* walk(path, depth + 1);
    }
  }
}

/**
 * The same layout inside a tar archive, gzip-compressed or not, read as a stream: entries come
 * one after the other and tar waits while we read one, so memory stays bounded whatever the size.
 * A corrupt, truncated or non-tar input rejects with LIST_ARCHIVE_INVALID.
 */
export async function* archiveListFiles(input: Readable): AsyncGenerator<ListFile> {
  const parser = new Parser({ strict: true });
  const pending: ReadEntry[] = [];
  let current: ReadEntry | undefined;
  let failure: ListImportError | undefined;
  let finished = false;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  parser.on('entry', (entry: ReadEntry) => {
    pending.push(entry);
    signal();
  });
  const fail = (error: Error & { code?: string }) => {
    if (error.code === 'PAYLOAD_TOO_LARGE')
      failure ??= new ListImportError('PAYLOAD_TOO_LARGE', 'Archive trop volumineuse (512 Mo au plus).');
    failure ??= new ListImportError(
      'LIST_ARCHIVE_INVALID',
      `Archive illisible (${describeArchiveError(error)}) : envoyez l'archive .tar.gz des listes (un dossier par catégorie, avec ses fichiers domains et urls).`,
    );
    current?.destroy(failure);
    signal();
  };
  parser.on('error', fail);
  // An error, or a client that hangs up mid-upload (premature close), must not leave us waiting.
  streamFinished(input, (error) => error && fail(error));
  parser.on('end', () => {
    finished = true;
    signal();
  });
  input.pipe(parser);
  try {
    for (;;) {
      if (failure) throw failure;
      const entry = pending.shift();
      if (!entry) {
        if (finished) return;
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      current = entry;
      const parts = entry.path
        .replace(/\/+$/, '')
        .split('/')
        .filter((part) => part && part !== '.');
      const file = parts[parts.length - 1];
      if (entry.type === 'File' && LIST_FILES.has(file) && parts.length >= 2 && parts.length <= MAX_DEPTH + 1) {
        yield {
          category: categoryName(parts[parts.length - 2]),
          kind: file as ListFile['kind'],
          lines: linesOf(entry),
        };
      }
      entry.resume();
      current = undefined;
    }
  } finally {
    if (!finished) input.unpipe(parser);
  }
}

/** Lines without their end-of-line (UTF-8); a line longer than any real entry comes out as OVERLONG_LINE, which no parser accepts. */
export async function* linesOf(stream: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let overlong = false;
  for await (const chunk of stream) {
    const lines = (rest + (typeof chunk === 'string' ? chunk : decoder.write(chunk))).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      yield overlong || line.length > MAX_LINE ? OVERLONG_LINE : line.replace(/\r$/, '');
      overlong = false;
    }
    // A file without line breaks must not grow one string without end.
    if (rest.length > MAX_LINE) [overlong, rest] = [true, ''];
  }
  rest += decoder.end();
  if (overlong) yield OVERLONG_LINE;
  else if (rest) yield rest.replace(/\r$/, '');
}

export const OVERLONG_LINE = '\u0000';

function categoryName(raw: string): string {
  const name = raw.toLowerCase();
  if (!CATEGORY.test(name))
    throw new ListImportError(
      'LIST_CATEGORY_INVALID',
      `Nom de catégorie « ${raw.slice(0, 80)} » invalide : lettres, chiffres, « _ », « - » ou « . », 64 caractères au plus.`,
    );
  return name;
}

function describeArchiveError(error: Error & { code?: string }): string {
  if (error.code === 'TAR_BAD_ARCHIVE') return "ce n'est pas une archive tar";
  if (typeof error.code === 'string' && error.code.startsWith('Z_'))
    return 'compression gzip corrompue ou archive tronquée';
  return error.message.slice(0, 200);
}
