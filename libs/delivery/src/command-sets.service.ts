import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEVICE_CONTEXT_KEY_SQL, DeviceScope, MANAGED_DEVICE_SQL } from '@socle/fleet';
import { CommandType, DeviceCommand, FILTERING_COMMAND_TYPES_SQL, OPEN_STATUSES_SQL } from './device-command.entity';

/** A command another context queues (a wipe…). */
export interface NewCommand {
  collectiviteId: string;
  deviceId: string;
  type: CommandType;
  payload?: Record<string, unknown>;
  createdBy?: string | null;
}

/** What a context should hold: each profile at its version and conflict variant. */
export interface DesiredProfileVersion {
  contextKey: string;
  profileId: string;
  version: number;
  variant: string;
}

/** The filtering revision each context should hold (null: no policy applies any more). */
export type DesiredRevisions = Map<string, string | null>;

/** Devices of the scope with their context key (the pack, or the collectivité for devices outside any pack); $1–$3 are the scope. */
const SCOPED_DEVICES = `
  SELECT d.id AS device_id, d.collectivite_id, ${DEVICE_CONTEXT_KEY_SQL} AS context_key
    FROM devices d
   WHERE ${MANAGED_DEVICE_SQL}
     AND (d.pack_id = ANY($1::uuid[]) OR (d.pack_id IS NULL AND d.collectivite_id = ANY($2::uuid[])))
     AND ($3::uuid[] IS NULL OR d.id = ANY($3::uuid[]))`;

const scopeParameters = (scope: DeviceScope) => [scope.packIds, scope.unpackedCollectiviteIds, scope.deviceIds ?? null];

/**
 * Every write to device_commands that other contexts need, set-based and in the caller's
 * transaction: device_commands is written here only. Each returns the ids of the commands it
 * created, for the caller to enqueue after its commit.
 */
@Injectable()
export class CommandSetsService {
  async queue(manager: EntityManager, commands: readonly NewCommand[]): Promise<string[]> {
    if (!commands.length) return [];
    const { identifiers } = await manager.insert(
      DeviceCommand,
      commands.map((command) => ({
        ...command,
        payload: (command.payload ?? {}) as object,
        createdBy: command.createdBy ?? null,
      })),
    );
    return identifiers.map((row) => row.id as string);
  }

  /**
   * One command per managed device of the pack (optionally only some devices), in one statement:
   * 15 tablets locked at the same second are 15 rows, none dropped.
   */
  async queueForPack(
    manager: EntityManager,
    command: { packId: string; type: CommandType; payload: Record<string, unknown>; createdBy: string | null },
    onlyDeviceIds: readonly string[] | null = null,
  ): Promise<Array<{ id: string; deviceId: string }>> {
    return manager.query(
      `INSERT INTO device_commands (collectivite_id, device_id, type, payload, created_by)
       SELECT d.collectivite_id, d.id, $2, $3::jsonb, $4 FROM devices d
        WHERE d.pack_id = $1 AND ${MANAGED_DEVICE_SQL} AND ($5::uuid[] IS NULL OR d.id = ANY($5::uuid[]))
       RETURNING id, device_id AS "deviceId"`,
      [command.packId, command.type, JSON.stringify(command.payload), command.createdBy, onlyDeviceIds],
    );
  }

  async isOpen(manager: EntityManager, commandId: string): Promise<boolean> {
    const rows = await manager.query(`SELECT 1 FROM device_commands WHERE id = $1 AND status IN ${OPEN_STATUSES_SQL}`, [
      commandId,
    ]);
    return rows.length > 0;
  }

  /** Of these commands, those not superseded (the device has them or will). */
  async notSuperseded(manager: EntityManager, commandIds: readonly string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM device_commands WHERE id = ANY($1::uuid[]) AND status <> 'superseded'`,
      [commandIds],
    );
    return rows.map((row) => row.id);
  }

  /** A device on its way out has nothing left to install or lock: what was still open for it is dropped. */
  async supersedeOpen(manager: EntityManager, deviceId: string): Promise<void> {
    await manager.query(
      `UPDATE device_commands SET status = 'superseded', updated_at = now() WHERE device_id = $1 AND status IN ${OPEN_STATUSES_SQL}`,
      [deviceId],
    );
  }

  /** Of these commands, what no device has fetched yet is not sent at all; returns how many. */
  async supersedePending(manager: EntityManager, commandIds: readonly string[]): Promise<number> {
    const [, count]: [unknown, number] = await manager.query(
      `UPDATE device_commands SET status = 'superseded', completed_at = now(), updated_at = now()
        WHERE status = 'pending' AND id = ANY($1::uuid[])`,
      [commandIds],
    );
    return count;
  }

  /** The device's open filtering command, if any, with the revision it carries (null for a removal). */
  async openFilteringCommand(manager: EntityManager, deviceId: string): Promise<{ revision: string | null } | null> {
    const [open] = await manager.query(
      `SELECT payload->>'revision' AS revision FROM device_commands
        WHERE device_id = $1 AND status IN ${OPEN_STATUSES_SQL} AND type IN ${FILTERING_COMMAND_TYPES_SQL} LIMIT 1`,
      [deviceId],
    );
    return open ? { revision: open.revision ?? null } : null;
  }

  /**
   * Profiles: compares what each device of the scope should hold with what it holds
   * (installed_profiles, which profiles keeps) and what is already on its way, and writes the
   * difference — anything open that is not exactly wanted gives way first (the partial unique
   * index allows one open command per device and profile), then missing installs, then removals.
   */
  async convergeProfiles(manager: EntityManager, scope: DeviceScope, desired: readonly DesiredProfileVersion[]) {
    const parameters = [
      ...scopeParameters(scope),
      desired.map((row) => row.contextKey),
      desired.map((row) => row.profileId),
      desired.map((row) => row.version),
      desired.map((row) => row.variant),
    ];
    const targets = `
      desired(context_key, profile_id, version, variant) AS (SELECT * FROM unnest($4::text[], $5::uuid[], $6::int[], $7::text[])),
      targets AS (${SCOPED_DEVICES})`;
    await manager.query(
      `WITH ${targets}
       UPDATE device_commands c SET status = 'superseded', updated_at = now()
         FROM targets t
        WHERE c.device_id = t.device_id AND c.profile_id IS NOT NULL AND c.status IN ${OPEN_STATUSES_SQL}
          AND CASE c.type
                WHEN 'install_profile' THEN NOT EXISTS (
                  SELECT 1 FROM desired x WHERE x.context_key = t.context_key AND x.profile_id = c.profile_id
                     AND x.version = c.profile_version AND x.variant = c.payload->>'variant')
                ELSE EXISTS (SELECT 1 FROM desired x WHERE x.context_key = t.context_key AND x.profile_id = c.profile_id)
              END`,
      parameters,
    );
    const installs: Array<{ id: string }> = await manager.query(
      `WITH ${targets}
       INSERT INTO device_commands (collectivite_id, device_id, type, payload, profile_id, profile_version)
       SELECT t.collectivite_id, t.device_id, 'install_profile',
              jsonb_build_object('profileId', x.profile_id, 'version', x.version, 'variant', x.variant), x.profile_id, x.version
         FROM targets t JOIN desired x ON x.context_key = t.context_key
        WHERE NOT EXISTS (SELECT 1 FROM installed_profiles i
                           WHERE i.device_id = t.device_id AND i.profile_id = x.profile_id AND i.version = x.version AND i.variant = x.variant)
       ON CONFLICT (device_id, profile_id) WHERE status IN ${OPEN_STATUSES_SQL} AND profile_id IS NOT NULL DO NOTHING
       RETURNING id`,
      parameters,
    );
    const removals: Array<{ id: string }> = await manager.query(
      `WITH ${targets}
       INSERT INTO device_commands (collectivite_id, device_id, type, payload, profile_id)
       SELECT t.collectivite_id, t.device_id, 'remove_profile', jsonb_build_object('profileId', i.profile_id), i.profile_id
         FROM targets t JOIN installed_profiles i ON i.device_id = t.device_id
        WHERE NOT EXISTS (SELECT 1 FROM desired x WHERE x.context_key = t.context_key AND x.profile_id = i.profile_id)
       ON CONFLICT (device_id, profile_id) WHERE status IN ${OPEN_STATUSES_SQL} AND profile_id IS NOT NULL DO NOTHING
       RETURNING id`,
      parameters,
    );
    return [...installs, ...removals].map((row) => row.id);
  }

  /**
   * Filtering: each device holds one revision (device_filtering, which filtering keeps); its
   * context says which one it should hold; the difference becomes install_filtering /
   * remove_filtering, at most one open per device (uq_device_commands_open_filtering).
   */
  async convergeFiltering(manager: EntityManager, scope: DeviceScope, desired: DesiredRevisions): Promise<string[]> {
    const parameters = [...scopeParameters(scope), [...desired.keys()], [...desired.values()]];
    const targets = `
      desired(context_key, revision) AS (SELECT * FROM unnest($4::text[], $5::text[])),
      targets AS (SELECT s.device_id, s.collectivite_id, x.revision FROM (${SCOPED_DEVICES}) s JOIN desired x ON x.context_key = s.context_key)`;
    await manager.query(
      `WITH ${targets}
       UPDATE device_commands c SET status = 'superseded', updated_at = now()
         FROM targets t
        WHERE c.device_id = t.device_id AND c.type IN ${FILTERING_COMMAND_TYPES_SQL} AND c.status IN ${OPEN_STATUSES_SQL}
          AND NOT (c.type = 'install_filtering' AND c.payload->>'revision' IS NOT DISTINCT FROM t.revision)
          AND NOT (c.type = 'remove_filtering' AND t.revision IS NULL)`,
      parameters,
    );
    const created: Array<{ id: string }> = await manager.query(
      `WITH ${targets}
       INSERT INTO device_commands (collectivite_id, device_id, type, payload)
       SELECT t.collectivite_id, t.device_id,
              CASE WHEN t.revision IS NULL THEN 'remove_filtering' ELSE 'install_filtering' END,
              CASE WHEN t.revision IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('revision', t.revision) END
         FROM targets t LEFT JOIN device_filtering f ON f.device_id = t.device_id
        WHERE (t.revision IS NOT NULL AND f.revision IS DISTINCT FROM t.revision) OR (t.revision IS NULL AND f.device_id IS NOT NULL)
       ON CONFLICT (device_id) WHERE status IN ${OPEN_STATUSES_SQL} AND type IN ${FILTERING_COMMAND_TYPES_SQL} DO NOTHING
       RETURNING id`,
      parameters,
    );
    return created.map((row) => row.id);
  }

  /** Open commands due now, oldest first (the reconciler queues them again). */
  async dueCommandIds(manager: EntityManager, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await manager.query(
      `SELECT id FROM device_commands WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((row) => row.id);
  }

  /** Devices with open commands that have not checked in for this long (to wake again). */
  async silentDevicesWithOpenCommands(manager: EntityManager, silentSeconds: number): Promise<string[]> {
    const rows: Array<{ device_id: string }> = await manager.query(
      `SELECT DISTINCT c.device_id FROM device_commands c JOIN devices d ON d.id = c.device_id
        WHERE c.status IN ${OPEN_STATUSES_SQL} AND c.next_attempt_at <= now()
          AND (d.last_checkin_at IS NULL OR d.last_checkin_at < now() - make_interval(secs => $1))`,
      [silentSeconds],
    );
    return rows.map((row) => row.device_id);
  }

  /** The device an open command waits on, or null when it is answered or gone. */
  async deviceOfOpenCommand(manager: EntityManager, commandId: string): Promise<string | null> {
    const [row] = await manager.query(
      `SELECT device_id FROM device_commands WHERE id = $1 AND status IN ${OPEN_STATUSES_SQL}`,
      [commandId],
    );
    return row?.device_id ?? null;
  }
}
