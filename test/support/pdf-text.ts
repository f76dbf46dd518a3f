import { execFileSync } from 'node:child_process';

const EXTRACT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: Buffer.concat(chunks) });
  const result = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ pages: result.total, text: result.text }));
});`;

/**
 * The text of a PDF as a reader would copy it, extracted by pdf-parse (Mozilla's pdf.js). In a
 * child Node process: pdf.js loads its worker with a dynamic import that Jest's sandbox refuses.
 */
export function pdfText(pdf: Buffer): { pages: number; text: string } {
  const output = execFileSync(process.execPath, ['-e', EXTRACT], {
    input: pdf,
    cwd: `${__dirname}/../..`,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(output);
}
