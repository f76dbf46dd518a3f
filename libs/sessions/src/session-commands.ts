import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommandSetsService, CommandType } from '@socle/delivery';
import { MANAGED_DEVICE_STATES } from '@socle/fleet';

/** Sessions address the devices the fleet context calls managed; one list, owned by the state machine. */
export const MANAGED_STATES = [...MANAGED_DEVICE_STATES];

/** Session commands that lose their point once the session is over, if no device has them yet. */
const SUPERSEDED_AT_END: CommandType[] = ['session_start', 'lock', 'unlock'];

/**
 * A session's commands: written by delivery (which owns device_commands), linked to the session
 * here (class_session_commands), in the caller's transaction.
 */
@Injectable()
export class SessionCommands {
  constructor(private readonly commands: CommandSetsService) {}

  /**
   * One command per managed device of the pack, in one statement, then linked to the session: 15
   * tablets locked at the same second are 15 rows, none dropped, and a concurrent enrollment either
   * is in the snapshot or gets the state at its first check-in.
   */
  async issueToPack(
    manager: EntityManager,
    session: { id: string; packId: string },
    type: CommandType,
    payload: Record<string, unknown>,
    createdBy: string | null,
    options: { onlyIfHanded?: CommandType } = {},
  ): Promise<string[]> {
    // Undoing what a device was never handed (an overlay, a lock) would only fail: those devices are skipped.
    const only = options.onlyIfHanded ? await this.devicesHanded(manager, session.id, options.onlyIfHanded) : null;
    if (only && !only.length) return [];
    const issued = await this.commands.queueForPack(
      manager,
      { packId: session.packId, type, payload, createdBy },
      only,
    );
    if (issued.length)
      await manager.query(
        `INSERT INTO class_session_commands (command_id, session_id, device_id, type)
         SELECT id, $2, device_id, $3 FROM unnest($1::uuid[], $4::uuid[]) AS issued(id, device_id)`,
        [issued.map((row) => row.id), session.id, type, issued.map((row) => row.deviceId)],
      );
    return issued.map((row) => row.id);
  }

  /** The session is over: what no device has fetched yet is not sent at all (a tablet off all lesson gets nothing). */
  async supersedeUndelivered(
    manager: EntityManager,
    sessionId: string,
    types: CommandType[] = SUPERSEDED_AT_END,
  ): Promise<number> {
    return this.commands.supersedePending(manager, await this.commandIds(manager, sessionId, types));
  }

  private async commandIds(manager: EntityManager, sessionId: string, types: CommandType[]): Promise<string[]> {
    const rows: Array<{ command_id: string }> = await manager.query(
      'SELECT command_id FROM class_session_commands WHERE session_id = $1 AND type = ANY($2::text[])',
      [sessionId, types],
    );
    return rows.map((row) => row.command_id);
  }

  /** Devices of the session that were sent a command of this type that was not dropped. */
  private async devicesHanded(manager: EntityManager, sessionId: string, type: CommandType): Promise<string[]> {
    const links: Array<{ command_id: string; device_id: string }> = await manager.query(
      'SELECT command_id, device_id FROM class_session_commands WHERE session_id = $1 AND type = $2',
      [sessionId, type],
    );
    const kept = new Set(
      await this.commands.notSuperseded(
        manager,
        links.map((link) => link.command_id),
      ),
    );
    return [...new Set(links.filter((link) => kept.has(link.command_id)).map((link) => link.device_id))];
  }
}
