import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CategoryMatcher, CategoryMatcherBuilder } from './category-matcher';
import { splitUrlEntry } from './list-lines';

/** How often a process asks PostgreSQL which version is active (an import elsewhere is seen within this delay). */
const REFRESH_MS = 5_000;
const PAGE = 50_000;

/**
 * Process-wide, not per Nest app: `npm start` runs the api and the gateway in one process, and
 * two copies of millions of domains would double the memory for nothing.
 */
const loaded: {
  ready: boolean;
  version: string | null;
  matcher: CategoryMatcher;
  loading?: { version: string | null; promise: Promise<CategoryMatcher> };
} = { ready: false, version: null, matcher: CategoryMatcher.empty() };

/**
 * The matcher of the active list version. The first lookup of a process waits for the load;
 * afterwards a new version is built in the background while the old matcher keeps answering, then
 * swapped in with one assignment: no lookup ever sees half a list.
 */
@Injectable()
export class ActiveCategoryMatcher {
  private readonly logger = new Logger(ActiveCategoryMatcher.name);
  private checkedAt = 0;
  private checking?: Promise<void>;

  constructor(private readonly dataSource: DataSource) {}

  async current(): Promise<CategoryMatcher> {
    if (Date.now() - this.checkedAt >= REFRESH_MS) {
      this.checkedAt = Date.now();
      const check = (this.checking ??= this.check().finally(() => (this.checking = undefined)));
      if (!loaded.ready) await check;
    }
    return loaded.matcher;
  }

  /** After an import or a switch made by this process: wait for the new version before answering. */
  async refresh(): Promise<CategoryMatcher> {
    this.checkedAt = Date.now();
    await this.check();
    return loaded.matcher;
  }

  private async check(): Promise<void> {
    const [active] = await this.dataSource.query('SELECT id FROM filtering_list_versions WHERE active');
    const version: string | null = active?.id ?? null;
    if (loaded.ready && version === loaded.version) return;
    if (loaded.loading?.version !== version) {
      loaded.loading = { version, promise: version ? this.load(version) : Promise.resolve(CategoryMatcher.empty()) };
    }
    const loading = loaded.loading;
    try {
      const matcher = await loading.promise;
      if (loaded.loading === loading) Object.assign(loaded, { ready: true, version, matcher, loading: undefined });
    } catch (error) {
      this.logger.error(`Could not load list version ${version}: ${(error as Error).message}`);
      if (loaded.loading === loading) loaded.loading = undefined;
      if (!loaded.ready) throw error;
    }
  }

  /** A server-side cursor in one snapshot: no sort, no long result in memory, only the matcher being built. */
  private async load(versionId: string): Promise<CategoryMatcher> {
    const started = Date.now();
    const builder = new CategoryMatcherBuilder(versionId);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let count = 0;
    try {
      await runner.startTransaction('REPEATABLE READ');
      const categories: Array<{ id: number; name: string }> = await runner.query(
        'SELECT id, name FROM filtering_list_categories WHERE version_id = $1 ORDER BY id',
        [versionId],
      );
      const ids = categories.map((category) => builder.category(category.name));
      await runner.query(
        'DECLARE list_load NO SCROLL CURSOR FOR SELECT category_id, kind, value FROM filtering_list_entries WHERE version_id = $1',
        [versionId],
      );
      for (;;) {
        const rows: Array<{ category_id: number; kind: string; value: string }> = await runner.query(
          `FETCH ${PAGE} FROM list_load`,
        );
        for (const row of rows) {
          if (row.kind === 'domain') builder.addDomain(ids[row.category_id], row.value);
          else {
            const { host, path } = splitUrlEntry(row.value);
            builder.addUrl(ids[row.category_id], host, path);
          }
        }
        count += rows.length;
        if (rows.length < PAGE) break;
      }
      await runner.commitTransaction();
    } finally {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      await runner.release();
    }
    this.logger.log(`Loaded list version ${versionId}: ${count} entries in ${Date.now() - started} ms`);
    return builder.build();
  }
}
