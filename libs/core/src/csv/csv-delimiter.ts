import { Readable } from 'node:stream';

const MAX_HEADER_BYTES = 64 * 1024;

/**
 * A French spreadsheet saves with ";" and writes "389,90": splitting on both separators would cut
 * prices in two. The header line decides which one the file uses; the stream is handed back whole.
 */
export async function sniffDelimiter(body: Readable): Promise<{ delimiter: ';' | ','; stream: Readable }> {
  const iterator = body[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let text = '';
  while (!text.includes('\n') && text.length < MAX_HEADER_BYTES) {
    const { value, done } = await iterator.next();
    if (done) break;
    const chunk = Buffer.isBuffer(value) ? value : Buffer.from(String(value));
    head.push(chunk);
    text += chunk.toString('utf8');
  }
  const header = text.split(/\r?\n/)[0];
  const count = (separator: string) => header.split(separator).length - 1;
  const rest = async function* () {
    yield* head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value as Buffer;
  };
  return { delimiter: count(';') > count(',') ? ';' : ',', stream: Readable.from(rest()) };
}
