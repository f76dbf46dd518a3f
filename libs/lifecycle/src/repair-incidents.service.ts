import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, CoreErrorCode, SocleError, violatedConstraint } from '@socle/core';
import { Device, deviceNotFound } from '@socle/fleet';
import { CreateRepairIncidentDto, UpdateRepairIncidentDto } from './dto/repair-incident.dto';
import { parisDate } from './paris-time';
import { RepairIncident } from './repair-incident.entity';
import { LifecycleErrorCode } from './lifecycle-error-codes';

/** Breakdowns and repairs of one device: opened, repaired, what it cost. */
@Injectable()
export class RepairIncidentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, deviceId: string, dto: CreateRepairIncidentDto): Promise<RepairIncident> {
    return this.dataSource.transaction(async (manager) => {
      const device = await findDevice(manager, actor, deviceId);
      const incident = await manager.save(
        manager.create(RepairIncident, {
          ...dto,
          openedOn: dto.openedOn ?? parisDate(),
          deviceId,
          collectiviteId: device.collectiviteId,
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'repair_incident.open',
        entityType: 'repair_incident',
        entityId: incident.id,
        summary: { deviceId, serialNumber: device.serialNumber, after: dto },
      });
      return incident;
    });
  }

  async list(actor: Actor, deviceId: string): Promise<RepairIncident[]> {
    await findDevice(this.dataSource.manager, actor, deviceId);
    return this.dataSource
      .getRepository(RepairIncident)
      .find({ where: { deviceId }, order: { openedOn: 'DESC', createdAt: 'DESC' } });
  }

  async update(
    actor: Actor,
    deviceId: string,
    incidentId: string,
    dto: UpdateRepairIncidentDto,
  ): Promise<RepairIncident> {
    if (!Object.keys(dto).length) {
      throw SocleError.badRequest(
        CoreErrorCode.ValidationFailed,
        'Rien à modifier : indiquez resolvedOn, cost, resolution ou repairer.',
        { fields: [{ field: 'body', problems: ['at least one field is required'] }] },
      );
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        await findDevice(manager, actor, deviceId);
        const before = await manager.findOne(RepairIncident, {
          where: { id: incidentId, deviceId },
          lock: { mode: 'pessimistic_write' },
        });
        if (!before)
          throw SocleError.notFound(
            LifecycleErrorCode.IncidentNotFound,
            "Cet incident n'existe pas pour cet appareil.",
          );
        await manager.update(RepairIncident, { id: incidentId }, dto);
        const after = await manager.findOneByOrFail(RepairIncident, { id: incidentId });
        const changed = Object.keys(dto) as Array<keyof UpdateRepairIncidentDto>;
        await this.audit.record(manager, actor, {
          action: dto.resolvedOn ? 'repair_incident.resolve' : 'repair_incident.update',
          entityType: 'repair_incident',
          entityId: incidentId,
          summary: { deviceId, before: Object.fromEntries(changed.map((key) => [key, before[key]])), after: dto },
        });
        return after;
      });
    } catch (error) {
      if (violatedConstraint(error) === 'chk_repair_incidents_dates') {
        throw SocleError.badRequest(
          CoreErrorCode.ValidationFailed,
          'La date de réparation précède la date d’ouverture de l’incident.',
          { fields: [{ field: 'resolvedOn', problems: ['resolvedOn must not be before openedOn'] }] },
        );
      }
      throw error;
    }
  }
}

async function findDevice(manager: EntityManager, actor: Actor, deviceId: string): Promise<Device> {
  const device = await manager.findOneBy(Device, { id: deviceId, collectiviteId: actor.tenantId() });
  if (!device) throw deviceNotFound();
  return device;
}
