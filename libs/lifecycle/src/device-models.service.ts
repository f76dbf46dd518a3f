import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, CoreErrorCode, SocleError, violatedConstraint } from '@socle/core';
import { DeviceModel } from './device-model.entity';
import { CreateDeviceModelDto, UpdateDeviceModelDto } from './dto/device-model.dto';
import { LifecycleErrorCode } from './lifecycle-error-codes';

const NOT_FOUND = () =>
  SocleError.notFound(LifecycleErrorCode.DeviceModelNotFound, "Ce modèle n'existe pas dans votre catalogue.");

/** The collectivité's model catalogue (weight, screen, OS support), read by the socle and renewal reports. */
@Injectable()
export class DeviceModelsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(actor: Actor): Promise<DeviceModel[]> {
    return this.dataSource
      .getRepository(DeviceModel)
      .find({ where: { collectiviteId: actor.tenantId() }, order: { name: 'ASC' } });
  }

  async create(actor: Actor, dto: CreateDeviceModelDto): Promise<DeviceModel> {
    return this.write(dto.name, (manager) => this.createIn(manager, actor, dto));
  }

  async update(actor: Actor, id: string, dto: UpdateDeviceModelDto): Promise<DeviceModel> {
    if (!Object.keys(dto).length) {
      throw SocleError.badRequest(CoreErrorCode.ValidationFailed, 'Rien à modifier.', {
        fields: [{ field: 'body', problems: ['at least one field is required'] }],
      });
    }
    return this.write(dto.name, async (manager) => {
      const before = await this.find(manager, actor, id);
      await manager.update(DeviceModel, { id }, dto);
      const keys = Object.keys(dto) as Array<keyof UpdateDeviceModelDto>;
      await this.audit.record(manager, actor, {
        action: 'device_model.update',
        entityType: 'device_model',
        entityId: id,
        summary: { before: Object.fromEntries(keys.map((key) => [key, before[key]])), after: dto },
      });
      return manager.findOneByOrFail(DeviceModel, { id });
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const before = await this.find(manager, actor, id);
      await manager.delete(DeviceModel, { id });
      await this.audit.record(manager, actor, {
        action: 'device_model.delete',
        entityType: 'device_model',
        entityId: id,
        summary: { before },
      });
    });
  }

  private async createIn(manager: EntityManager, actor: Actor, dto: CreateDeviceModelDto): Promise<DeviceModel> {
    const model = await manager.save(manager.create(DeviceModel, { ...dto, collectiviteId: actor.tenantId() }));
    await this.audit.record(manager, actor, {
      action: 'device_model.create',
      entityType: 'device_model',
      entityId: model.id,
      summary: { after: dto },
    });
    return model;
  }

  private async find(manager: EntityManager, actor: Actor, id: string): Promise<DeviceModel> {
    const model = await manager.findOne(DeviceModel, {
      where: { id, collectiviteId: actor.tenantId() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!model) throw NOT_FOUND();
    return model;
  }

  private async write<T>(name: string | undefined, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.dataSource.transaction(work);
    } catch (error) {
      if (violatedConstraint(error) === 'uq_device_models_name')
        throw SocleError.conflict(
          LifecycleErrorCode.DeviceModelExists,
          `Le modèle « ${name} » est déjà dans le catalogue : modifiez-le plutôt.`,
        );
      throw error;
    }
  }
}
