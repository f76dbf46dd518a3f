import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, SocleError } from '@socle/core';
import { Collectivite } from './collectivite.entity';
import { CreateCollectiviteDto } from './dto/create-collectivite.dto';
import { TenancyErrorCode } from './tenancy-error-codes';

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

  /** The operator reaches every collectivité; anyone else only their own (another's answers 404, like a missing one). */
  async findVisible(actor: Actor, collectiviteId: string): Promise<Collectivite> {
    const visible = actor.collectiviteId === null || actor.collectiviteId === collectiviteId;
    const collectivite = visible
      ? await this.dataSource.getRepository(Collectivite).findOneBy({ id: collectiviteId })
      : null;
    if (!collectivite)
      throw SocleError.notFound(
        TenancyErrorCode.CollectiviteNotFound,
        "Cette collectivité n'existe pas ou ne vous est pas accessible.",
      );
    return collectivite;
  }
}
