import { DataSource } from 'typeorm';

/**
 * Reports run read-only, with enough work_mem for their hash aggregates to stay in memory (the
 * default 4 MB spills a 100,000-device grouping to disk), in one process (a parallel plan costs more
 * than it saves on a 2-core server busy with check-ins) and without JIT (compiling takes longer than
 * these sub-second queries). SET LOCAL ends with the transaction.
 */
export async function reportQuery<T>(dataSource: DataSource, sql: string, parameters: unknown[]): Promise<T[]> {
  return dataSource.transaction('READ COMMITTED', async (manager) => {
    await manager.query(`SET TRANSACTION READ ONLY`);
    await manager.query(
      `SET LOCAL work_mem = '64MB'; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off`,
    );
    return manager.query(sql, parameters);
  });
}
