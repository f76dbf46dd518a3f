import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, Page, PageQuery, SocleError, toPage, violatedConstraint } from '@socle/core';
import { applyDeviceEventToMany, DeviceState, deviceStateLabel, FleetErrorCode } from '@socle/fleet';
import { CreateRepriseDto } from './dto/create-reprise.dto';
import { parisDate } from './paris-time';
import { Reprise } from './reprise.entity';
import { BORDEREAU_LINES_SQL, BordereauLine, RepriseView } from './reprise-view';
import { LifecycleErrorCode } from './lifecycle-error-codes';

interface LockedDevice {
  id: string;
  serial_number: string;
  state: DeviceState;
  reprise_id: string | null;
  slip_number: string | null;
}

const REPRISE_NOT_FOUND = () =>
  SocleError.notFound(LifecycleErrorCode.RepriseNotFound, "Cette reprise n'existe pas ou ne vous est pas accessible.");

/**
 * A reprise hands retired devices over in one transaction: the devices move `retired → taken_back`
 * through the state machine and join the reprise; the schema keeps each device in one reprise.
 */
@Injectable()
export class ReprisesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateRepriseDto): Promise<RepriseView> {
    const collectiviteId = actor.tenantId();
    const id = randomUUID();
    try {
      await this.dataSource.transaction(async (manager) => {
        const devices = await this.lockDevices(manager, collectiviteId, dto.deviceIds);
        checkHandable(dto.deviceIds, devices);
        const date = dto.date ?? parisDate();
        const slipNumber = dto.slipNumber ?? `SOCLE-${date.slice(0, 4)}-${id.slice(0, 8).toUpperCase()}`;
        await manager.insert(Reprise, {
          id,
          collectiviteId,
          kind: dto.kind,
          partyName: dto.partyName.trim(),
          slipNumber,
          handedOverOn: date,
          createdBy: actor.userId,
        });
        const moved = await applyDeviceEventToMany(manager, collectiviteId, dto.deviceIds, 'takeBack');
        if (moved.length !== dto.deviceIds.length)
          throw SocleError.conflict(
            LifecycleErrorCode.DeviceNotRetired,
            'Un appareil a changé d’état pendant la reprise : réessayez.',
          );
        await manager.query(
          `INSERT INTO reprise_devices (device_id, reprise_id, collectivite_id, device_state) SELECT unnest($1::uuid[]), $2, $3, 'taken_back'`,
          [dto.deviceIds, id, collectiviteId],
        );
        const bySerial = new Map(devices.map((device) => [device.id, device.serial_number]));
        await this.audit.recordMany(manager, actor, [
          {
            action: 'reprise.create',
            entityType: 'reprise',
            entityId: id,
            summary: {
              after: { kind: dto.kind, partyName: dto.partyName, slipNumber, date, devices: dto.deviceIds.length },
            },
          },
          ...dto.deviceIds.map((deviceId) => ({
            action: 'device.take_back',
            entityType: 'device',
            entityId: deviceId,
            summary: {
              before: { state: 'retired' },
              after: { state: 'taken_back' },
              repriseId: id,
              slipNumber,
              serialNumber: bySerial.get(deviceId),
            },
          })),
        ]);
      });
    } catch (error) {
      throw translateRepriseConstraint(error, dto.slipNumber);
    }
    return this.get(actor, id);
  }

  async get(actor: Actor, repriseId: string): Promise<RepriseView> {
    const [reprise] = await this.dataSource.query(
      `SELECT r.id, r.kind, r.party_name AS "partyName", r.slip_number AS "slipNumber", to_char(r.handed_over_on, 'YYYY-MM-DD') AS date,
              r.created_at AS "createdAt", r.created_by AS "createdBy", c.name AS "collectiviteName"
         FROM reprises r JOIN collectivites c ON c.id = r.collectivite_id
        WHERE r.id = $1 AND r.collectivite_id = $2`,
      [repriseId, actor.tenantId()],
    );
    if (!reprise) throw REPRISE_NOT_FOUND();
    const devices: BordereauLine[] = await this.dataSource.query(BORDEREAU_LINES_SQL, [repriseId]);
    return { ...reprise, deviceCount: devices.length, devices };
  }

  async list(actor: Actor, page: PageQuery): Promise<Page<Reprise & { deviceCount: number }>> {
    const rows = await this.dataSource.query(
      `SELECT r.id, r.kind, r.party_name AS "partyName", r.slip_number AS "slipNumber", to_char(r.handed_over_on, 'YYYY-MM-DD') AS date,
              r.created_at AS "createdAt", (SELECT count(*)::int FROM reprise_devices rd WHERE rd.reprise_id = r.id) AS "deviceCount"
         FROM reprises r
        WHERE r.collectivite_id = $1 AND ($2::uuid IS NULL OR r.id > $2)
        ORDER BY r.id LIMIT $3`,
      [actor.tenantId(), page.cursor ?? null, page.limit + 1],
    );
    return toPage(rows, page.limit);
  }

  /** Locked in id order so two reprises racing for the same devices queue up instead of deadlocking. */
  private async lockDevices(
    manager: EntityManager,
    collectiviteId: string,
    deviceIds: string[],
  ): Promise<LockedDevice[]> {
    return manager.query(
      `SELECT d.id, d.serial_number, d.state, rd.reprise_id, r.slip_number
         FROM devices d
         LEFT JOIN reprise_devices rd ON rd.device_id = d.id
         LEFT JOIN reprises r ON r.id = rd.reprise_id
        WHERE d.collectivite_id = $1 AND d.id = ANY($2::uuid[])
        ORDER BY d.id
        FOR UPDATE OF d`,
      [collectiviteId, deviceIds],
    );
  }
}

/** Unknown (or another collectivité's) devices are 404; devices in the wrong state are named with their state. */
function checkHandable(requested: string[], devices: LockedDevice[]): void {
  const found = new Set(devices.map((device) => device.id));
  const missing = requested.filter((id) => !found.has(id));
  if (missing.length) {
    throw new SocleError(
      404,
      FleetErrorCode.DeviceNotFound,
      `${missing.length} appareil(s) inconnu(s) ou inaccessible(s) : vérifiez la liste.`,
      { deviceIds: missing },
    );
  }
  const taken = devices.filter((device) => device.reprise_id);
  if (taken.length) {
    throw SocleError.conflict(
      LifecycleErrorCode.DeviceAlreadyInReprise,
      `Déjà repris : ${taken.map((device) => `${device.serial_number} (bordereau ${device.slip_number})`).join(', ')}. Un appareil ne figure que dans une reprise.`,
      {
        devices: taken.map((device) => ({
          id: device.id,
          serialNumber: device.serial_number,
          currentState: device.state,
          repriseId: device.reprise_id,
        })),
      },
    );
  }
  const notRetired = devices.filter((device) => device.state !== 'retired');
  if (notRetired.length) {
    throw SocleError.conflict(
      LifecycleErrorCode.DeviceNotRetired,
      `Seuls les appareils retirés peuvent être repris : ${notRetired.map((device) => `${device.serial_number} est « ${deviceStateLabel(device.state)} »`).join(', ')}. Retirez-les d'abord (effacement confirmé ou retrait forcé).`,
      {
        devices: notRetired.map((device) => ({
          id: device.id,
          serialNumber: device.serial_number,
          currentState: device.state,
        })),
      },
    );
  }
}

function translateRepriseConstraint(error: unknown, slipNumber?: string): unknown {
  switch (violatedConstraint(error)) {
    case 'uq_reprises_slip':
      return SocleError.conflict(
        LifecycleErrorCode.SlipNumberTaken,
        `Un bordereau n° ${slipNumber} existe déjà : vérifiez le numéro.`,
      );
    case 'pk_reprise_devices':
      return SocleError.conflict(
        LifecycleErrorCode.DeviceAlreadyInReprise,
        'Un de ces appareils est déjà dans une reprise : un appareil ne figure que dans une reprise.',
      );
    case 'fk_reprise_devices_device_taken_back':
      return SocleError.conflict(
        LifecycleErrorCode.DeviceNotRetired,
        'Seuls les appareils retirés peuvent être repris.',
      );
    default:
      return error;
  }
}
