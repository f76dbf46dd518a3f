import { Readable } from 'node:stream';
import { SocleError } from '../errors/socle-error';
import { CsvImportSpec, csvImportRejected, CsvLineError, readCsvImport } from './csv-import';

interface Row {
  serial: string;
  price: number;
}

const SPEC: CsvImportSpec<Row> = {
  columns: ['serial', 'price', 'note'],
  required: ['serial'],
  maxBytes: 4096,
  maxRows: 1000,
  parseRow: (record, line) => {
    const price = Number((record.price ?? '0').replace(',', '.'));
    if (Number.isNaN(price)) return [{ line, code: 'PRICE_INVALID', message: `prix « ${record.price} »` }];
    return { serial: record.serial ?? '', price };
  },
  unique: [{ of: (row) => row.serial, code: 'DUPLICATE_SERIAL', message: (serial) => `${serial} deux fois` }],
  refusal: 'Import refusé',
  emptyResult: { created: 0 },
};

async function read(text: string | Buffer, spec: CsvImportSpec<Row> = SPEC) {
  const batches: Array<{ lines: number[]; failing: boolean }> = [];
  const result = await readCsvImport(Readable.from([Buffer.from(text)]), spec, async (rows, failing) => {
    batches.push({ lines: rows.map((row) => row.line), failing });
    return [];
  });
  return { ...result, batches };
}

async function refusal(text: string | Buffer, spec: CsvImportSpec<Row> = SPEC): Promise<SocleError> {
  const error = await read(text, spec).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof SocleError)) throw new Error(`expected a SocleError, got ${String(error)}`);
  return error;
}

describe('the shared CSV import pipeline', () => {
  it('takes ";" from a French header, so "389,90" stays one price, and drops the BOM', async () => {
    const { rows, errors, batches } = await read('\ufeffserial;price\nSN-1;389,90\nSN-2;12\n');
    expect({ rows, errors }).toEqual({ rows: 2, errors: [] });
    expect(batches).toEqual([{ lines: [2, 3], failing: false }]);
  });

  it('reports every bad line with its number, repeats included, and says the file already failed', async () => {
    const { errors, batches } = await read('serial,price\nSN-1,1\nSN-2,abc\nSN-1,2\nSN-3,3\n');
    expect(errors.map((error: CsvLineError) => `${error.line}:${error.code}`)).toEqual([
      '3:PRICE_INVALID',
      '4:DUPLICATE_SERIAL',
    ]);
    expect(batches).toEqual([{ lines: [2, 5], failing: true }]);
    const rejected = csvImportRejected(SPEC, errors);
    expect({ status: rejected.status, code: rejected.code }).toEqual({ status: 422, code: 'IMPORT_REJECTED' });
    expect(rejected.message).toMatch(/^Import refusé : 2 ligne\(s\) en erreur/);
    expect(rejected.details).toEqual({ created: 0, errors });
  });

  it('hands rows over in batches of 500, so a large file never sits in memory at once', async () => {
    const lines = Array.from({ length: 1_200 }, (_, index) => `SN-${index},1`);
    const { rows, batches } = await read(['serial,price', ...lines].join('\n'), {
      ...SPEC,
      maxBytes: 1 << 20,
      maxRows: 5_000,
    });
    expect(rows).toBe(1_200);
    expect(batches.map((batch) => batch.lines.length)).toEqual([500, 500, 200]);
  });

  it('refuses a header with unknown or missing columns, naming them', async () => {
    const error = await refusal('prix,serie\n1,SN-1\n');
    expect(error.code).toBe('IMPORT_REJECTED');
    expect(error.details).toEqual({
      created: 0,
      errors: [
        { line: 1, code: 'HEADER_INVALID', message: 'colonnes manquantes : serial ; colonnes inconnues : prix, serie' },
      ],
    });
  });

  it('refuses an unreadable file, an empty one, one too large and one with too many rows', async () => {
    expect(((await refusal('serial,price\n"SN-1,1\n')).details?.errors as CsvLineError[])[0].code).toBe(
      'CSV_MALFORMED',
    );
    const empty = await read('serial,price\n');
    expect(empty.errors).toEqual([{ line: 1, code: 'EMPTY_FILE', message: 'Le fichier ne contient aucun appareil.' }]);
    const large = await refusal(`serial,note\nSN-1,${'x'.repeat(5000)}\n`);
    expect({ status: large.status, code: large.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const many = await refusal('serial\nA\nB\nC\n', { ...SPEC, maxRows: 2 });
    expect({ status: many.status, code: many.code }).toEqual({ status: 400, code: 'FILE_TOO_LARGE' });
  });
});
