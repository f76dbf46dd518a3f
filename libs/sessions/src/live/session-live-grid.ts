import { EntityManager } from 'typeorm';
import { deviceLabel } from '@socle/carts';

/** One tile of the teacher's grid: numbered like the cart's slot it belongs in. */
export interface LiveGridDevice {
  id: string;
  number: number | null;
  label: string;
  state: string;
  locked: boolean;
  batteryLevel: number | null;
  charging: boolean | null;
  docked: boolean | null;
  lastCheckinAt: string | null;
  /** The latest lock or unlock of this session sent to the device, and where it is. */
  screenCommand: { type: 'lock' | 'unlock'; status: string } | null;
}

export interface LiveGrid {
  sessionId: string;
  status: string;
  screensLocked: boolean;
  endsAt: string;
  devices: LiveGridDevice[];
}

/** The grid in one statement: devices of the pack, their cart slot, dock state and this session's latest screen command. */
export async function loadLiveGrid(manager: EntityManager, sessionId: string): Promise<LiveGrid | null> {
  const [session] = await manager.query(
    `SELECT id, pack_id, status, screens_locked, ends_at FROM class_sessions WHERE id = $1`,
    [sessionId],
  );
  if (!session) return null;
  const rows: Array<Record<string, any>> = await manager.query(
    `SELECT d.id, d.serial_number, d.device_kind, d.position_in_pack, d.state, d.battery_level, d.battery_charging,
            d.last_checkin_at, ds.docked,
            (SELECT s.slot_number FROM cart_slots s WHERE s.device_id = d.id LIMIT 1) AS slot_number,
            cmd.type AS command_type, cmd.status AS command_status
       FROM devices d
       LEFT JOIN device_dock_states ds ON ds.device_id = d.id
       LEFT JOIN LATERAL (
         SELECT l.type, c.status FROM class_session_commands l JOIN device_commands c ON c.id = l.command_id
          WHERE l.session_id = $1 AND l.device_id = d.id AND l.type IN ('lock', 'unlock') AND c.status <> 'superseded'
          ORDER BY c.created_at DESC LIMIT 1
       ) cmd ON true
      WHERE d.pack_id = $2
      ORDER BY COALESCE((SELECT s.slot_number FROM cart_slots s WHERE s.device_id = d.id LIMIT 1), d.position_in_pack) NULLS LAST,
               d.serial_number`,
    [sessionId, session.pack_id],
  );
  return {
    sessionId: session.id,
    status: session.status,
    screensLocked: session.screens_locked,
    endsAt: new Date(session.ends_at).toISOString(),
    devices: rows.map((row) => ({
      id: row.id,
      number: row.slot_number ?? row.position_in_pack ?? null,
      label: deviceLabel(row.device_kind, row.position_in_pack, row.serial_number),
      state: row.state,
      locked: row.state === 'locked',
      batteryLevel: row.battery_level ?? null,
      charging: row.battery_charging ?? null,
      docked: row.docked ?? null,
      lastCheckinAt: row.last_checkin_at ? new Date(row.last_checkin_at).toISOString() : null,
      screenCommand: row.command_type ? { type: row.command_type, status: row.command_status } : null,
    })),
  };
}
