import { DataSource, QueryRunner } from 'typeorm';
import { AuditAuthor, AuditService } from '@socle/audit';
import { ListFile, ListImportError } from './list-files';
import { parseListLine } from './list-lines';

export interface ImportProgress {
  category: string;
  file: 'domains' | 'urls';
  /** Lines read so far, all files together. */
  lines: number;
}

export interface ImportOptions {
  source: string;
  author: AuditAuthor;
  createdBy: string | null;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportSummary {
  versionId: string;
  version: number;
  categories: Array<{ name: string; domains: number; urls: number }>;
  domains: number;
  urls: number;
  skippedLines: number;
  /** A few of the skipped lines, so a broken file can be recognised. */
  skippedSamples: string[];
  activated: true;
}

const BATCH = 5_000;
const PROGRESS_EVERY = 100_000;
const MAX_CATEGORIES = 1_000;
const IMPORT_LOCK = "hashtext('socle.filtering.list-import')";

/**
 * Imports category lists as a new version: entries are streamed into PostgreSQL in batches inside
 * one transaction (bounded memory, millions of lines), and the same transaction makes the version
 * the active one — so lookups see the old lists or the new ones, never half. Anything wrong (a
 * corrupt archive, no entry at all) rolls back and leaves the previous version active.
 */
export class ListImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async import(files: AsyncIterable<ListFile>, options: ImportOptions): Promise<ImportSummary> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query(`SELECT pg_try_advisory_lock(${IMPORT_LOCK}) AS locked`);
      if (!locked)
        throw new ListImportError(
          'LIST_IMPORT_IN_PROGRESS',
          'Un import des listes est déjà en cours : attendez sa fin, puis relancez.',
        );
      try {
        return await this.importLocked(runner, files, options);
      } finally {
        await runner.query(`SELECT pg_advisory_unlock(${IMPORT_LOCK})`);
      }
    } finally {
      await runner.release();
    }
  }

  private async importLocked(
    runner: QueryRunner,
    files: AsyncIterable<ListFile>,
    options: ImportOptions,
  ): Promise<ImportSummary> {
    // We hold the lock: an 'importing' version left behind belongs to a process that died.
    await this.dataSource.query(
      `UPDATE filtering_list_versions SET status = 'failed', error = 'Import interrompu (processus arrêté).', finished_at = now() WHERE status = 'importing'`,
    );
    const [created] = await this.dataSource.query(
      `INSERT INTO filtering_list_versions (version, source, created_by)
       SELECT COALESCE(max(version), 0) + 1, $1, $2 FROM filtering_list_versions RETURNING id, version`,
      [options.source.slice(0, 500), options.createdBy],
    );
    const versionId: string = created.id;
    const stats = new ImportStats();
    await runner.startTransaction();
    try {
      for await (const file of files) await this.importFile(runner, versionId, file, stats, options);
      if (stats.domains + stats.urls === 0) {
        throw new ListImportError(
          'LIST_EMPTY',
          `Aucune entrée valable trouvée (${stats.skipped} ligne(s) ignorée(s)) : attendu un dossier par catégorie contenant des fichiers domains et/ou urls.`,
        );
      }
      await this.activate(runner, versionId, stats, options.author);
      await runner.commitTransaction();
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      const message =
        error instanceof ListImportError
          ? error.message
          : `Erreur interne pendant l'import (${(error as Error).message}).`;
      await this.dataSource.query(
        `UPDATE filtering_list_versions SET status = 'failed', error = $2, finished_at = now(), progress_lines = $3 WHERE id = $1`,
        [versionId, message.slice(0, 1000), stats.lines],
      );
      throw error;
    }
    // The new version is active whatever happens now; an old one left behind is pruned next time.
    await this.prune().catch(() => undefined);
    return {
      versionId,
      version: created.version,
      categories: [...stats.categories.entries()].map(([name, counts]) => ({
        name,
        domains: counts.domains,
        urls: counts.urls,
      })),
      domains: stats.domains,
      urls: stats.urls,
      skippedLines: stats.skipped,
      skippedSamples: stats.samples,
      activated: true,
    };
  }

  private async importFile(
    runner: QueryRunner,
    versionId: string,
    file: ListFile,
    stats: ImportStats,
    options: ImportOptions,
  ): Promise<void> {
    const categoryId = await this.categoryId(runner, versionId, file.category, stats);
    const counts = stats.categories.get(file.category)!;
    let kinds: string[] = [];
    let values: string[] = [];
    const flush = async () => {
      if (!values.length) return;
      await runner.query(
        `INSERT INTO filtering_list_entries (version_id, category_id, kind, value) SELECT $1, $2, kind, value FROM unnest($3::text[], $4::text[]) AS batch(kind, value)`,
        [versionId, categoryId, kinds, values],
      );
      [kinds, values] = [[], []];
    };
    for await (const line of file.lines) {
      stats.lines++;
      const parsed = parseListLine(file.kind, line);
      if (parsed === 'invalid') stats.skip(`${file.category}/${file.kind}: ${line}`);
      else if (parsed !== 'blank') {
        kinds.push(parsed.kind);
        values.push(parsed.value);
        if (parsed.kind === 'domain') {
          counts.domains++;
          stats.domains++;
        } else {
          counts.urls++;
          stats.urls++;
        }
        if (values.length >= BATCH) await flush();
      }
      if (stats.lines % PROGRESS_EVERY === 0) {
        options.onProgress?.({ category: file.category, file: file.kind, lines: stats.lines });
        // Another connection, so the progress is visible while the import's transaction is open.
        void this.dataSource
          .query('UPDATE filtering_list_versions SET progress_lines = $2 WHERE id = $1', [versionId, stats.lines])
          .catch(() => undefined);
      }
    }
    await flush();
    options.onProgress?.({ category: file.category, file: file.kind, lines: stats.lines });
  }

  private async categoryId(runner: QueryRunner, versionId: string, name: string, stats: ImportStats): Promise<number> {
    const known = stats.categoryIds.get(name);
    if (known !== undefined) return known;
    if (stats.categoryIds.size >= MAX_CATEGORIES)
      throw new ListImportError(
        'LIST_TOO_MANY_CATEGORIES',
        `Plus de ${MAX_CATEGORIES} catégories : ce ne sont sans doute pas des listes de filtrage.`,
      );
    const id = stats.categoryIds.size;
    await runner.query('INSERT INTO filtering_list_categories (version_id, id, name) VALUES ($1, $2, $3)', [
      versionId,
      id,
      name,
    ]);
    stats.categoryIds.set(name, id);
    stats.categories.set(name, { domains: 0, urls: 0 });
    return id;
  }

  /** In the import's transaction: the partial unique index allows one active version, and this is the moment it changes. */
  private async activate(
    runner: QueryRunner,
    versionId: string,
    stats: ImportStats,
    author: AuditAuthor,
  ): Promise<void> {
    const names = [...stats.categories.keys()];
    await runner.query(
      `UPDATE filtering_list_categories c SET domain_count = n.domains, url_count = n.urls
         FROM unnest($2::text[], $3::int[], $4::int[]) AS n(name, domains, urls) WHERE c.version_id = $1 AND c.name = n.name`,
      [
        versionId,
        names,
        names.map((name) => stats.categories.get(name)!.domains),
        names.map((name) => stats.categories.get(name)!.urls),
      ],
    );
    await runner.query('UPDATE filtering_list_versions SET active = false WHERE active');
    await runner.query(
      `UPDATE filtering_list_versions SET status = 'ready', active = true, activated_at = now(), finished_at = now(),
              category_count = $2, domain_count = $3, url_count = $4, skipped_lines = $5, progress_lines = $6 WHERE id = $1`,
      [versionId, names.length, stats.domains, stats.urls, stats.skipped, stats.lines],
    );
    await this.audit.record(runner.manager, author, {
      action: 'filtering.lists.import',
      entityType: 'filtering_list_version',
      entityId: versionId,
      collectiviteId: null,
      summary: { categories: names.length, domains: stats.domains, urls: stats.urls, skippedLines: stats.skipped },
    });
  }

  /** Keeps the active version and the one before it (to switch back); older lists only take space. */
  private async prune(): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM filtering_list_versions WHERE status = 'ready' AND NOT active
          AND id NOT IN (SELECT id FROM filtering_list_versions WHERE status = 'ready' AND NOT active ORDER BY version DESC LIMIT 1)`,
    );
  }
}

class ImportStats {
  lines = 0;
  domains = 0;
  urls = 0;
  skipped = 0;
  readonly samples: string[] = [];
  readonly categoryIds = new Map<string, number>();
  readonly categories = new Map<string, { domains: number; urls: number }>();

  skip(sample: string): void {
    this.skipped++;
    if (this.samples.length < 10) this.samples.push(sample.slice(0, 200).replace(/\u0000/g, '…'));
  }
}
