import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, Page, SocleError, toPage, violatedConstraint } from '@socle/core';
import { OsFamily } from '@socle/fleet';
import { CreateAppDto } from '../dto/create-app.dto';
import { CatalogApp } from './catalog-app.entity';

@Injectable()
export class CatalogService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateAppDto): Promise<CatalogApp> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const app = await manager.save(
          manager.create(CatalogApp, {
            ...dto,
            managedConfiguration: dto.managedConfiguration ?? null,
            collectiviteId: actor.tenantId(),
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'app.create',
          entityType: 'catalog_app',
          entityId: app.id,
          summary: { after: dto },
        });
        return app;
      });
    } catch (error) {
      if (violatedConstraint(error) === 'uq_catalog_apps_identifier') {
        throw SocleError.conflict(
          'APP_ALREADY_IN_CATALOGUE',
          `L'application ${dto.identifier} (${dto.platform}) est déjà au catalogue.`,
        );
      }
      throw error;
    }
  }

  async list(actor: Actor, platform: OsFamily | undefined, limit: number, cursor?: string): Promise<Page<CatalogApp>> {
    const query = this.dataSource
      .getRepository(CatalogApp)
      .createQueryBuilder('app')
      .where('app.collectivite_id = :tenant', { tenant: actor.tenantId() })
      .orderBy('app.id')
      .take(limit + 1);
    if (platform) query.andWhere('app.platform = :platform', { platform });
    if (cursor) query.andWhere('app.id > :cursor', { cursor });
    return toPage(await query.getMany(), limit);
  }
}
