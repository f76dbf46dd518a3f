import { StreamableFile } from '@nestjs/common';

/** A download: Nest would serialise a bare Buffer as JSON, a StreamableFile goes out as bytes. */
export function download(body: string | Buffer, type: string, fileName: string): StreamableFile {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  return new StreamableFile(bytes, {
    type,
    disposition: `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
    length: bytes.length,
  });
}

export const CSV_TYPE = 'text/csv; charset=utf-8';
export const PDF_TYPE = 'application/pdf';
