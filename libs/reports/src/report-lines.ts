/** Where a report line belongs: one pack, a whole school, or the devices outside any pack. */
export interface ReportLineScope {
  schoolId: string | null;
  schoolUai: string | null;
  schoolName: string | null;
  packId: string | null;
  packName: string | null;
  level: 'pack' | 'school' | 'unassigned';
}

/** A share rounded to 0.1 %, null when there is nothing to divide by. */
export function ratio(part: number, whole: number): number | null {
  return whole ? Math.round((part / whole) * 1000) / 1000 : null;
}

/** Adds every number of `source` into `target`, recursively (counts, histograms, OS versions); shares are recomputed after. */
export function sumInto(target: object, source: object): void {
  const into = target as Record<string, unknown>;
  for (const [key, value] of Object.entries(source)) {
    if (typeof value === 'number' && !key.endsWith('Share'))
      into[key] = ((into[key] as number | undefined) ?? 0) + value;
    else if (value && typeof value === 'object' && !Array.isArray(value)) {
      into[key] ??= {};
      sumInto(into[key] as object, value);
    }
  }
}

/** Euros with cents, from a PostgreSQL numeric sum (text) or nothing. */
export function euros(value: string | number | null | undefined): number {
  return value === null || value === undefined ? 0 : Math.round(Number(value) * 100) / 100;
}
