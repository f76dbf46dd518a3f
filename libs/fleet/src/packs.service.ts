import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, Page, SocleError, toPage, violatedConstraint } from '@socle/core';
import { SchoolsService } from '@socle/tenancy';
import { Device } from './device.entity';
import { CreatePackDto } from './dto/create-pack.dto';
import { ListPacksQuery } from './dto/list-queries.dto';
import { UpdatePackDto } from './dto/update-pack.dto';
import { Pack } from './pack.entity';

export interface PackDetail extends Pack {
  enrolledCount: number;
  devices: Device[];
}

@Injectable()
export class PacksService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schools: SchoolsService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreatePackDto): Promise<Pack> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const school = await this.schools.findVisible(actor, dto.schoolId, manager);
        const pack = await manager.save(manager.create(Pack, { ...dto, collectiviteId: school.collectiviteId }));
        await this.audit.record(manager, actor, {
          action: 'pack.create',
          entityType: 'pack',
          entityId: pack.id,
          summary: { after: dto },
        });
        return pack;
      });
    } catch (error) {
      throw translatePackConstraint(error, dto.name);
    }
  }

  /** OS and capacity changes are checked by the database against the devices already in the pack. */
  async update(actor: Actor, packId: string, dto: UpdatePackDto): Promise<Pack> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const before = await this.findVisible(actor, packId, manager, { lock: true });
        await manager.update(Pack, { id: packId }, dto);
        await this.audit.record(manager, actor, {
          action: 'pack.update',
          entityType: 'pack',
          entityId: packId,
          summary: { before: pick(before, Object.keys(dto)), after: dto },
        });
        return manager.findOneByOrFail(Pack, { id: packId });
      });
    } catch (error) {
      throw translatePackConstraint(error, dto.name);
    }
  }

  async list(actor: Actor, query: ListPacksQuery): Promise<Page<Pack>> {
    const builder = this.dataSource
      .getRepository(Pack)
      .createQueryBuilder('pack')
      .where('pack.collectivite_id = :tenant', { tenant: actor.tenantId() })
      .orderBy('pack.id')
      .take(query.limit + 1);
    if (query.schoolId) builder.andWhere('pack.school_id = :schoolId', { schoolId: query.schoolId });
    if (actor.seesOnlyOwnSchools()) builder.andWhere('pack.school_id = ANY(:schools)', { schools: actor.schoolIds });
    if (query.cursor) builder.andWhere('pack.id > :cursor', { cursor: query.cursor });
    return toPage(await builder.getMany(), query.limit);
  }

  async detail(actor: Actor, packId: string): Promise<PackDetail> {
    const pack = await this.findVisible(actor, packId);
    const devices = await this.dataSource
      .getRepository(Device)
      .find({ where: { packId }, order: { positionInPack: 'ASC' } });
    return { ...pack, enrolledCount: devices.length, devices };
  }

  /** Another collectivité's pack, or one of a school a teacher does not belong to, is answered like a missing one. */
  async findVisible(
    actor: Actor,
    packId: string,
    manager: EntityManager = this.dataSource.manager,
    options: { lock?: boolean } = {},
  ): Promise<Pack> {
    const pack = await manager.findOne(Pack, {
      where: { id: packId, collectiviteId: actor.tenantId() },
      lock: options.lock ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!pack || !actor.canSeeSchool(pack.schoolId)) {
      throw SocleError.notFound('PACK_NOT_FOUND', "Ce pack n'existe pas ou ne vous est pas accessible.");
    }
    return pack;
  }
}

function translatePackConstraint(error: unknown, name?: string): unknown {
  switch (violatedConstraint(error)) {
    case 'fk_devices_pack_os':
      return SocleError.conflict(
        'PACK_NOT_EMPTY',
        "Le système d'un pack qui contient des appareils ne peut pas changer : retirez d'abord les appareils du pack.",
      );
    case 'chk_devices_pack_position':
      return SocleError.conflict(
        'PACK_CAPACITY_TOO_SMALL',
        'Des appareils portent un numéro supérieur à la nouvelle capacité : retirez-les du pack avant de la réduire.',
      );
    case 'chk_carts_pack_fits':
      return SocleError.conflict(
        'CART_TOO_SMALL',
        "Le chariot qui range ce pack a moins d'emplacements que la nouvelle capacité : rangez d'abord le pack dans un chariot plus grand.",
      );
    case 'uq_packs_school_name':
      return SocleError.conflict('PACK_NAME_TAKEN', `Un pack « ${name} » existe déjà dans cette école.`);
    default:
      return error;
  }
}

function pick<T extends object>(source: T, keys: string[]): Partial<T> {
  return Object.fromEntries(keys.map((key) => [key, source[key as keyof T]])) as Partial<T>;
}
