import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@socle/core';
import { Device, deviceNotFound } from '@socle/fleet';
import { RepairIncident } from './repair-incident.entity';
import { RETIREMENT_VIEW_SQL, RetirementView } from './retirement-view';

const EVENTS_SHOWN = 200;

export interface DeviceHistory {
  device: Device;
  incidents: RepairIncident[];
  repairCost: number;
  retirement: RetirementView | null;
  reprise: { id: string; kind: string; partyName: string; slipNumber: string; date: string } | null;
  /** The device's audit trail, newest first (the full trail is at GET /audit-log?entity=device&entityId=…). */
  events: Array<{
    occurredAt: Date;
    action: string;
    actorRole: string;
    actorEmail: string | null;
    summary: Record<string, unknown>;
  }>;
}

/** Everything that happened to one device, from delivery to reprise, on one page. */
@Injectable()
export class DeviceHistoryService {
  constructor(private readonly dataSource: DataSource) {}

  async history(actor: Actor, deviceId: string): Promise<DeviceHistory> {
    const device = await this.dataSource
      .getRepository(Device)
      .findOneBy({ id: deviceId, collectiviteId: actor.tenantId() });
    if (!device) throw deviceNotFound();
    const [incidents, [retirement], [reprise], events] = await Promise.all([
      this.dataSource
        .getRepository(RepairIncident)
        .find({ where: { deviceId }, order: { openedOn: 'DESC', createdAt: 'DESC' } }),
      this.dataSource.query(`${RETIREMENT_VIEW_SQL} WHERE r.device_id = $1`, [deviceId]),
      this.dataSource.query(
        `SELECT r.id, r.kind, r.party_name AS "partyName", r.slip_number AS "slipNumber", to_char(r.handed_over_on, 'YYYY-MM-DD') AS date
           FROM reprise_devices rd JOIN reprises r ON r.id = rd.reprise_id WHERE rd.device_id = $1`,
        [deviceId],
      ),
      this.dataSource.query(
        `SELECT a.occurred_at AS "occurredAt", a.action, a.actor_role AS "actorRole", u.email AS "actorEmail", a.summary
           FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_user_id
          WHERE a.entity_type = 'device' AND a.entity_id = $1 AND a.collectivite_id = $2
          ORDER BY a.occurred_at DESC, a.id DESC LIMIT $3`,
        [deviceId, device.collectiviteId, EVENTS_SHOWN],
      ),
    ]);
    const repairCost = incidents.reduce((sum, incident) => sum + (incident.cost ?? 0), 0);
    return {
      device,
      incidents,
      repairCost: Math.round(repairCost * 100) / 100,
      retirement: retirement ?? null,
      reprise: reprise ?? null,
      events,
    };
  }
}
