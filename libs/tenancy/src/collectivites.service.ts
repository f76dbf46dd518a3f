import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, Page, PageQuery, SocleError, toPage } from '@socle/core';
import { Collectivite } from './collectivite.entity';
import { CreateCollectiviteDto } from './dto/create-collectivite.dto';

export interface AdminSummary {
  id: string;
  email: string;
  displayName: string | null;
  disabled: boolean;
}

@Injectable()
export class CollectivitesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  create(actor: Actor, dto: CreateCollectiviteDto): Promise<Collectivite> {
    return this.dataSource.transaction(async (manager) => {
      const collectivite = await manager.save(manager.create(Collectivite, dto));
      await this.audit.record(manager, actor, {
        action: 'collectivite.create',
        entityType: 'collectivite',
        entityId: collectivite.id,
        collectiviteId: collectivite.id,
        summary: { after: dto },
      });
      return collectivite;
    });
  }

  async list(actor: Actor, page: PageQuery): Promise<Page<Collectivite & { admins: AdminSummary[] }>> {
    const query = this.dataSource
      .getRepository(Collectivite)
      .createQueryBuilder('c')
      .orderBy('c.id')
      .take(page.limit + 1);
    if (actor.collectiviteId) query.where('c.id = :own', { own: actor.collectiviteId });
    if (page.cursor) query.andWhere('c.id > :cursor', { cursor: page.cursor });
    const result = toPage(await query.getMany(), page.limit);
    const admins: Array<AdminSummary & { collectiviteId: string }> = result.items.length
      ? await this.dataSource.query(
          `SELECT id, email, display_name AS "displayName", disabled_at IS NOT NULL AS disabled, collectivite_id AS "collectiviteId"
             FROM users WHERE role = 'collectivite_admin' AND deleted_at IS NULL AND collectivite_id = ANY($1::uuid[])
            ORDER BY email`,
          [result.items.map((c) => c.id)],
        )
      : [];
    return {
      ...result,
      items: result.items.map((c) => ({
        ...c,
        admins: admins.filter((a) => a.collectiviteId === c.id).map(({ collectiviteId: _, ...admin }) => admin),
      })),
    };
  }

  /** The operator reaches every collectivité; anyone else only their own (another's answers 404, like a missing one). */
  async findVisible(actor: Actor, collectiviteId: string): Promise<Collectivite> {
    const visible = actor.collectiviteId === null || actor.collectiviteId === collectiviteId;
    const collectivite = visible
      ? await this.dataSource.getRepository(Collectivite).findOneBy({ id: collectiviteId })
      : null;
    if (!collectivite)
      throw SocleError.notFound(
        'COLLECTIVITE_NOT_FOUND',
        "Cette collectivité n'existe pas ou ne vous est pas accessible.",
      );
    return collectivite;
  }
}
