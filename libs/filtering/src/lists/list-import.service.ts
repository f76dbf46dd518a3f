import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { pipeline, Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, limitBytes, SocleError } from '@socle/core';
import { ActiveCategoryMatcher } from './active-matcher';
import { archiveListFiles, ListImportError } from './list-files';
import { ImportSummary, ListImporter } from './list-importer';
import { ListCategory } from './list-category.entity';
import { ListVersion } from './list-version.entity';

/** UT1 weighs about 25 MB compressed; this leaves ample room without letting anyone fill the disk. */
const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

/** The API side of the category lists: upload (streamed), versions, switching back to the previous one. */
@Injectable()
export class ListImportService {
  private readonly logger = new Logger(ListImportService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly matcher: ActiveCategoryMatcher,
  ) {}

  async upload(actor: Actor, body: Readable, source: string): Promise<ImportSummary> {
    const importer = new ListImporter(this.dataSource, this.audit);
    try {
      // pipeline, not pipe: a request aborted mid-upload destroys the limiter, and the import fails instead of waiting.
      const limited = limitBytes(MAX_UPLOAD_BYTES);
      pipeline(body, limited, () => undefined);
      const summary = await importer.import(archiveListFiles(limited), {
        source,
        author: actor,
        createdBy: actor.userId,
        onProgress: (progress) =>
          this.logger.log(`List import: ${progress.lines} lines read (${progress.category}/${progress.file})`),
      });
      await this.matcher.refresh();
      return summary;
    } catch (error) {
      throw toHttpError(error);
    }
  }

  async versions(): Promise<ListVersion[]> {
    return this.dataSource.getRepository(ListVersion).find({ order: { version: 'DESC' }, take: 50 });
  }

  async version(versionId: string): Promise<ListVersion & { categories: ListCategory[] }> {
    const version = await this.dataSource.getRepository(ListVersion).findOneBy({ id: versionId });
    if (!version)
      throw SocleError.notFound(
        'LIST_VERSION_NOT_FOUND',
        "Cette version des listes n'existe pas (ou a été supprimée).",
      );
    const categories = await this.dataSource
      .getRepository(ListCategory)
      .find({ where: { versionId }, order: { name: 'ASC' } });
    return { ...version, categories };
  }

  /** The categories people may name in their policies: those of the active version. */
  async activeCategories(): Promise<{
    version: ListVersion | null;
    categories: Array<Pick<ListCategory, 'name' | 'domainCount' | 'urlCount'>>;
  }> {
    const version = await this.dataSource.getRepository(ListVersion).findOneBy({ active: true });
    if (!version) return { version: null, categories: [] };
    const categories = await this.dataSource
      .getRepository(ListCategory)
      .find({ where: { versionId: version.id }, order: { name: 'ASC' } });
    return {
      version,
      categories: categories.map(({ name, domainCount, urlCount }) => ({ name, domainCount, urlCount })),
    };
  }

  /** Back to a kept version (the previous one is kept for this), in one statement pair inside one transaction. */
  async activate(actor: Actor, versionId: string): Promise<ListVersion> {
    await this.dataSource.transaction(async (manager) => {
      const [version] = await manager.query(`SELECT id, status FROM filtering_list_versions WHERE id = $1 FOR UPDATE`, [
        versionId,
      ]);
      if (!version)
        throw SocleError.notFound(
          'LIST_VERSION_NOT_FOUND',
          "Cette version des listes n'existe pas (ou a été supprimée).",
        );
      if (version.status !== 'ready')
        throw SocleError.conflict(
          'LIST_VERSION_NOT_READY',
          'Seule une version importée complètement peut être activée.',
        );
      await manager.query('UPDATE filtering_list_versions SET active = false WHERE active AND id <> $1', [versionId]);
      await manager.query('UPDATE filtering_list_versions SET active = true, activated_at = now() WHERE id = $1', [
        versionId,
      ]);
      await this.audit.record(manager, actor, {
        action: 'filtering.lists.activate',
        entityType: 'filtering_list_version',
        entityId: versionId,
      });
    });
    await this.matcher.refresh();
    return await this.dataSource.getRepository(ListVersion).findOneByOrFail({ id: versionId });
  }
}

function toHttpError(error: unknown): unknown {
  if (!(error instanceof ListImportError)) return error;
  const status =
    { LIST_IMPORT_IN_PROGRESS: HttpStatus.CONFLICT, PAYLOAD_TOO_LARGE: HttpStatus.PAYLOAD_TOO_LARGE }[error.code] ??
    HttpStatus.UNPROCESSABLE_ENTITY;
  return new SocleError(status, error.code, `${error.message} La version active des listes n'a pas changé.`);
}
