import { HttpStatus } from '@nestjs/common';
import { parse } from 'csv-parse';
import { pipeline, Readable } from 'node:stream';
import { SocleError } from '../errors/socle-error';
import { sniffDelimiter } from './csv-delimiter';
import { limitBytes } from './limit-bytes';
import { CoreErrorCode } from '../core-error-codes';

/** What is wrong with one line of an imported file, in French for the technician who fixes it. */
export interface CsvLineError {
  line: number;
  code: string;
  message: string;
}

export interface CsvRow<T> {
  line: number;
  value: T;
}

/** What a file's refusals say: "Import refusé", and the counts reported as zero ({created: 0, updated: 0}). */
interface CsvRefusal {
  refusal: string;
  emptyResult: Record<string, number>;
}

/** The shape of a file: every column it may have, those it must have, and how large it may be. */
interface CsvFileShape extends CsvRefusal {
  columns: readonly string[];
  required: readonly string[];
  maxBytes: number;
  maxRows?: number;
}

/** One kind of imported file: its shape, how a line becomes a row, and what may not repeat in it. */
export interface CsvImportSpec<T> extends CsvFileShape {
  parseRow(record: Record<string, string | undefined>, line: number): T | CsvLineError[];
  /** Values that may appear once in a file (a serial number…), and the error a repeat gets. */
  unique?: Array<{ of: (row: T) => string | null; code: string; message: (value: string) => string }>;
}

const BATCH_SIZE = 500;
const MAX_REPORTED_ERRORS = 1000;

/**
 * The one pipeline of CSV imports: size limit, BOM, separator taken from the header, header check,
 * each line parsed with its number, repeats caught, rows handed over in batches of 500 so memory
 * stays bounded. `onBatch` also gets whether the file already failed (then it should write
 * nothing) and returns the errors it found in the database. File-level problems throw the
 * SocleError to answer; line errors come back, sorted, so the caller refuses the whole file.
 */
export async function readCsvImport<T>(
  body: Readable,
  spec: CsvImportSpec<T>,
  onBatch: (rows: Array<CsvRow<T>>, failing: boolean) => Promise<CsvLineError[]>,
): Promise<{ rows: number; errors: CsvLineError[] }> {
  const errors: CsvLineError[] = [];
  const report = (found: CsvLineError[]) =>
    errors.push(...found.slice(0, Math.max(0, MAX_REPORTED_ERRORS - errors.length)));
  const seen = (spec.unique ?? []).map(() => new Set<string>());
  let rows = 0;
  let batch: Array<CsvRow<T>> = [];
  try {
    const limited = pipeline(body, limitBytes(spec.maxBytes), () => undefined);
    const { delimiter, stream } = await sniffDelimiter(limited);
    const parser = pipeline(stream, csvParser(spec, delimiter), () => undefined);
    for await (const { record, info } of parser) {
      const line = info.lines as number;
      const parsed = spec.parseRow(record, line);
      if (Array.isArray(parsed)) {
        report(parsed);
        continue;
      }
      const repeats = (spec.unique ?? []).flatMap((rule, index) => {
        const value = rule.of(parsed);
        if (!value) return [];
        if (seen[index].has(value)) return [{ line, code: rule.code, message: rule.message(value) }];
        seen[index].add(value);
        return [];
      });
      if (repeats.length) {
        report(repeats);
        continue;
      }
      if (++rows > (spec.maxRows ?? Infinity))
        throw SocleError.badRequest(
          CoreErrorCode.FileTooLarge,
          `Au plus ${spec.maxRows} lignes par fichier : découpez-le.`,
        );
      batch.push({ line, value: parsed });
      if (batch.length >= BATCH_SIZE) {
        report(await onBatch(batch, errors.length > 0));
        batch = [];
      }
    }
  } catch (error) {
    throw fileError(spec, error);
  }
  if (batch.length) report(await onBatch(batch, errors.length > 0));
  if (!rows && !errors.length)
    report([{ line: 1, code: CoreErrorCode.EmptyFile, message: 'Le fichier ne contient aucun appareil.' }]);
  return { rows, errors: errors.sort((a, b) => a.line - b.line) };
}

/** 422 IMPORT_REJECTED with every line error: nothing of the file was written. */
export function csvImportRejected(
  spec: Pick<CsvImportSpec<unknown>, 'refusal' | 'emptyResult'>,
  errors: CsvLineError[],
) {
  return new SocleError(
    HttpStatus.UNPROCESSABLE_ENTITY,
    CoreErrorCode.ImportRejected,
    `${spec.refusal} : ${errors.length} ligne(s) en erreur. Corrigez-les puis renvoyez le fichier entier ; rien n'a été enregistré.`,
    { ...spec.emptyResult, errors: errors.slice(0, MAX_REPORTED_ERRORS) },
  );
}

function csvParser(spec: CsvFileShape, delimiter: string) {
  return parse({
    bom: true,
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    max_record_size: 64 * 1024,
    columns: (header: string[]) => {
      const names = header.map((name) => name.trim());
      const unknown = names.filter((name) => !spec.columns.includes(name));
      const missing = spec.required.filter((name) => !names.includes(name));
      if (unknown.length || missing.length) throw new HeaderError(unknown, missing);
      return names;
    },
  });
}

class HeaderError extends Error {
  constructor(
    readonly unknown: string[],
    readonly missing: readonly string[],
  ) {
    super('bad header');
  }
}

function fileError(spec: CsvFileShape, error: unknown): unknown {
  const refused = (message: string, lineError: CsvLineError) =>
    new SocleError(HttpStatus.UNPROCESSABLE_ENTITY, CoreErrorCode.ImportRejected, message, {
      ...spec.emptyResult,
      errors: [lineError],
    });
  if (error instanceof HeaderError) {
    const parts = [
      error.missing.length ? `colonnes manquantes : ${error.missing.join(', ')}` : '',
      error.unknown.length ? `colonnes inconnues : ${error.unknown.join(', ')}` : '',
    ].filter(Boolean);
    return refused(
      `En-tête du fichier invalide (${parts.join(' ; ')}). Colonnes possibles : ${spec.columns.join(',')} (obligatoires : ${spec.required.join(', ')}).`,
      { line: 1, code: CoreErrorCode.HeaderInvalid, message: parts.join(' ; ') },
    );
  }
  const code = (error as { code?: string })?.code;
  if (code === CoreErrorCode.PayloadTooLarge) {
    const megabytes = Math.round(spec.maxBytes / (1024 * 1024));
    return new SocleError(
      HttpStatus.PAYLOAD_TOO_LARGE,
      CoreErrorCode.PayloadTooLarge,
      `Fichier trop volumineux (${megabytes} Mo au plus) : découpez-le.`,
    );
  }
  if (typeof code === 'string' && code.startsWith('CSV_')) {
    const line = (error as { lines?: number }).lines ?? 0;
    return refused(`Fichier CSV illisible ligne ${line} : vérifiez les guillemets et séparateurs.`, {
      line,
      code: CoreErrorCode.CsvMalformed,
      message: (error as Error).message,
    });
  }
  return error;
}
