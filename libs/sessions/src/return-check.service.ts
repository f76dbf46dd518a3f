import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { deviceLabel, notStoredMessage } from '@socle/carts';
import { ClassSession } from './class-session.entity';
import { MANAGED_STATES } from './session-commands';
import { frenchSlot } from './session-times';

interface MissingRow {
  id: string;
  device_kind: string;
  position_in_pack: number | null;
  serial_number: string;
  slot_number: number | null;
  docked: boolean | null;
  battery_charging: boolean | null;
  last_checkin_at: Date | null;
}

/**
 * After a session: every device of the pack that has not said "docked" since the lesson began, or
 * is not charging, is listed on the session ("tablette 7 non rangée") and the technicians get one
 * notification for the lot. A "docked" from before the lesson proves nothing about the return.
 */
@Injectable()
export class ReturnCheckService {
  async record(manager: EntityManager, session: ClassSession, now: Date): Promise<number> {
    const rows: MissingRow[] = await manager.query(
      `SELECT d.id, d.device_kind, d.position_in_pack, d.serial_number, s.slot_number, ds.docked, d.battery_charging, d.last_checkin_at
         FROM devices d
         LEFT JOIN device_dock_states ds ON ds.device_id = d.id
         LEFT JOIN cart_slots s ON s.device_id = d.id
        WHERE d.pack_id = $1 AND d.state = ANY($2::text[])
          AND NOT (COALESCE(ds.docked AND ds.reported_at >= $3, false) AND COALESCE(d.battery_charging, false))
        ORDER BY d.position_in_pack NULLS LAST, d.serial_number`,
      [session.packId, MANAGED_STATES, session.startedAt ?? session.startsAt],
    );
    const messages = rows.map((row) =>
      notStoredMessage(row.device_kind, deviceLabel(row.device_kind, row.position_in_pack, row.serial_number)),
    );
    if (rows.length) {
      await manager.query(
        `INSERT INTO class_session_unreturned_devices (session_id, device_id, slot_number, docked, charging, last_seen_at, message)
         SELECT $1, * FROM unnest($2::uuid[], $3::smallint[], $4::boolean[], $5::boolean[], $6::timestamptz[], $7::text[])
         ON CONFLICT DO NOTHING`,
        [
          session.id,
          rows.map((row) => row.id),
          rows.map((row) => row.slot_number),
          rows.map((row) => row.docked),
          rows.map((row) => row.battery_charging),
          rows.map((row) => row.last_checkin_at),
          messages,
        ],
      );
      await this.notify(manager, session, rows, messages);
    }
    await manager.update(ClassSession, { id: session.id }, { returnCheckedAt: now });
    return rows.length;
  }

  private async notify(
    manager: EntityManager,
    session: ClassSession,
    rows: MissingRow[],
    messages: string[],
  ): Promise<void> {
    const [context] = await manager.query(
      `SELECT p.name AS pack, c.name AS classroom, k.id AS cart_id, k.label AS cart FROM packs p
         JOIN classrooms c ON c.id = $2 LEFT JOIN carts k ON k.pack_id = p.id WHERE p.id = $1`,
      [session.packId, session.classroomId],
    );
    const where = context.cart ? `dans le chariot « ${context.cart} »` : 'dans leur chariot';
    await manager.query(
      `INSERT INTO notifications (collectivite_id, school_id, kind, title, body, entity_type, entity_id, data)
       VALUES ($1, $2, 'devices_not_returned', $3, $4, 'class_session', $5, $6::jsonb)
       ON CONFLICT (kind, entity_id) DO NOTHING`,
      [
        session.collectiviteId,
        session.schoolId,
        `${rows.length} appareil(s) non rangé(s) ou pas en charge — pack « ${context.pack} »`,
        `Après la séance ${context.classroom} ${frenchSlot(session.startsAt, session.endsAt)} : ${messages.join(', ')}. Vérifiez ${where}.`,
        session.id,
        JSON.stringify({
          sessionId: session.id,
          packId: session.packId,
          cartId: context.cart_id,
          devices: rows.map((row, index) => ({
            deviceId: row.id,
            slotNumber: row.slot_number,
            message: messages[index],
          })),
        }),
      ],
    );
  }
}
