import { QueryFailedError } from 'typeorm';

/**
 * Deletions are refused by the schema itself (foreign keys ON DELETE RESTRICT), not by a count
 * made before the DELETE that a concurrent insert could outrun. This says what held the row.
 */
export function restrictingTable(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; table?: string; detail?: string };
  if (driverError.code !== '23503') return undefined;
  return driverError.table ?? /from table "([a-z_]+)"/.exec(driverError.detail ?? '')?.[1] ?? 'unknown';
}

/** The French for what still holds a record, from the referencing table. */
export const HELD_BY: Record<string, string> = {
  packs: 'des packs',
  carts: 'des chariots',
  devices: 'des appareils',
  class_sessions: 'des séances (passées ou à venir)',
  classrooms: 'des classes',
};
