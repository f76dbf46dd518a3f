import { HttpStatus } from '@nestjs/common';
import { parse } from 'csv-parse';
import { SocleError } from '@socle/core';
import { PURCHASE_COLUMNS } from './purchase-data-row';

/** The purchase-data file: `serialNumber` plus any purchase column, nothing else; one separator, taken from the header. */
export function csvParser(delimiter: string) {
  return parse({
    bom: true,
    delimiter,
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    max_record_size: 64 * 1024,
    columns: (header: string[]) => {
      const names = header.map((name) => name.trim());
      const unknown = names.filter((name) => !(PURCHASE_COLUMNS as readonly string[]).includes(name));
      if (unknown.length || !names.includes('serialNumber'))
        throw new HeaderError(unknown, !names.includes('serialNumber'));
      return names;
    },
  });
}

class HeaderError extends Error {
  constructor(
    readonly unknown: string[],
    readonly serialMissing: boolean,
  ) {
    super('bad header');
  }
}

export function translateCsvError(error: unknown): unknown {
  if (error instanceof HeaderError) {
    const parts = [
      error.serialMissing ? 'colonne serialNumber manquante' : '',
      error.unknown.length ? `colonnes inconnues : ${error.unknown.join(', ')}` : '',
    ].filter(Boolean);
    return new SocleError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'IMPORT_REJECTED',
      `En-tête du fichier invalide (${parts.join(' ; ')}). Colonnes possibles : ${PURCHASE_COLUMNS.join(',')}.`,
      {
        updated: 0,
        errors: [{ line: 1, code: 'HEADER_INVALID', message: parts.join(' ; ') }],
      },
    );
  }
  const code = (error as { code?: string })?.code;
  if (typeof code === 'string' && code.startsWith('CSV_')) {
    return new SocleError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'IMPORT_REJECTED',
      `Fichier CSV illisible ligne ${(error as { lines?: number }).lines ?? 0} : vérifiez les guillemets et séparateurs.`,
      {
        updated: 0,
        errors: [
          { line: (error as { lines?: number }).lines ?? 0, code: 'CSV_MALFORMED', message: (error as Error).message },
        ],
      },
    );
  }
  return error;
}
