import { EntityManager } from 'typeorm';

/**
 * Deletes entries older than the retention through the one database function allowed to (the
 * trigger on audit_entries refuses any other delete), in batches so a first purge of years of
 * history never holds a long lock. Returns how many were deleted.
 */
export async function purgeAuditEntries(
  manager: EntityManager,
  retentionDays: number,
  batchSize = 10_000,
): Promise<number> {
  let total = 0;
  for (;;) {
    const [{ deleted }] = await manager.query('SELECT socle_purge_audit_entries($1, $2)::int AS deleted', [
      retentionDays,
      batchSize,
    ]);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}
