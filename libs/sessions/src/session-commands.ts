import { MANAGED_DEVICE_STATES } from '@socle/fleet';
import { EntityManager } from 'typeorm';
import { CommandType } from '@socle/delivery';

/** Devices that take commands; the others (registered, retiring, retired…) are left out. */
/** Sessions address the devices the fleet context calls managed; one list, owned by the state machine. */
export const MANAGED_STATES = [...MANAGED_DEVICE_STATES];

/** Session commands that lose their point once the session is over, if no device has them yet. */
const SUPERSEDED_AT_END: CommandType[] = ['session_start', 'lock', 'unlock'];

/**
 * One command per managed device of the pack, written in one statement and linked to the session
 * in the same statement: 15 tablets locked at the same second are 15 rows, none dropped, and a
 * concurrent enrollment either is in the snapshot or gets the state at its first check-in.
 */
export async function issueToPack(
  manager: EntityManager,
  session: { id: string; packId: string },
  type: CommandType,
  payload: Record<string, unknown>,
  createdBy: string | null,
  options: { onlyIfHanded?: CommandType } = {},
): Promise<string[]> {
  const rows: Array<{ id: string }> = await manager.query(
    `WITH inserted AS (
       INSERT INTO device_commands (collectivite_id, device_id, type, payload, created_by)
       SELECT d.collectivite_id, d.id, $2, $3::jsonb, $4 FROM devices d
        WHERE d.pack_id = $1 AND d.state = ANY($5::text[])
          -- Undoing what a device was never handed (an overlay, a lock) would only fail: those devices are skipped.
          AND ($7::text IS NULL OR d.id IN (SELECT l.device_id FROM class_session_commands l JOIN device_commands c ON c.id = l.command_id
                                            WHERE l.session_id = $6 AND l.type = $7 AND c.status <> 'superseded'))
       RETURNING id, device_id
     ), linked AS (
       INSERT INTO class_session_commands (command_id, session_id, device_id, type) SELECT id, $6, device_id, $2 FROM inserted
     )
     SELECT id FROM inserted`,
    [
      session.packId,
      type,
      JSON.stringify(payload),
      createdBy,
      MANAGED_STATES,
      session.id,
      options.onlyIfHanded ?? null,
    ],
  );
  return rows.map((row) => row.id);
}

/** The session is over: what no device has fetched yet is not sent at all (a tablet off all lesson gets nothing). */
export async function supersedeUndelivered(
  manager: EntityManager,
  sessionId: string,
  types: CommandType[] = SUPERSEDED_AT_END,
): Promise<number> {
  const [, count]: [unknown, number] = await manager.query(
    `UPDATE device_commands SET status = 'superseded', completed_at = now(), updated_at = now()
      WHERE status = 'pending' AND id IN (SELECT command_id FROM class_session_commands WHERE session_id = $1 AND type = ANY($2::text[]))`,
    [sessionId, types],
  );
  return count;
}
