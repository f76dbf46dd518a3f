import { MANAGED_DEVICE_STATES, sqlList } from '@socle/fleet';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { effectivePolicy, policyRevision } from '../policies/effective-policy';
import { FilteringScope, policyChains } from '../policies/policy-chains';
import { FILTERING_FORMAT_VERSION } from './render/rendered-filtering';

const MANAGED_STATES = `(${sqlList(MANAGED_DEVICE_STATES)})`;
const OPEN = `('pending', 'delivered')`;
const FILTERING_TYPES = `('install_filtering', 'remove_filtering')`;

/** Devices of the scope, with the revision their context should hold (NULL: no policy applies any more). */
const TARGETS = `
  desired(context_key, revision) AS (SELECT * FROM unnest($1::text[], $2::text[])),
  targets AS (
    SELECT d.id AS device_id, d.collectivite_id, x.revision
      FROM devices d JOIN desired x ON x.context_key = COALESCE(d.pack_id::text, 'none:' || d.collectivite_id)
     WHERE d.state IN ${MANAGED_STATES}
       AND (d.pack_id = ANY($3::uuid[]) OR (d.pack_id IS NULL AND d.collectivite_id = ANY($4::uuid[])))
       AND ($5::uuid[] IS NULL OR d.id = ANY($5::uuid[])))`;

/**
 * Filtering rides the command pipeline with its own command types: each device holds one filtering
 * revision (device_filtering), its context's effective policy says which one it should hold, and
 * the difference becomes install_filtering / remove_filtering commands — set-based, in the caller's
 * transaction, at most one open per device (partial unique index uq_device_commands_open_filtering).
 */
@Injectable()
export class FilteringConvergenceService {
  async desiredRevisions(manager: EntityManager, scope: FilteringScope): Promise<Map<string, string | null>> {
    const chains = await policyChains(manager, scope);
    return new Map(
      [...chains].map(([context, chain]) => [
        context,
        policyRevision(effectivePolicy(chain), FILTERING_FORMAT_VERSION),
      ]),
    );
  }

  async converge(manager: EntityManager, scope: FilteringScope): Promise<string[]> {
    if (!scope.packIds.length && !scope.unpackedCollectiviteIds.length) return [];
    const desired = await this.desiredRevisions(manager, scope);
    const parameters = [
      [...desired.keys()],
      [...desired.values()],
      scope.packIds,
      scope.unpackedCollectiviteIds,
      scope.deviceIds ?? null,
    ];
    await manager.query(
      `WITH ${TARGETS}
       UPDATE device_commands c SET status = 'superseded', updated_at = now()
         FROM targets t
        WHERE c.device_id = t.device_id AND c.type IN ${FILTERING_TYPES} AND c.status IN ${OPEN}
          AND NOT (c.type = 'install_filtering' AND c.payload->>'revision' IS NOT DISTINCT FROM t.revision)
          AND NOT (c.type = 'remove_filtering' AND t.revision IS NULL)`,
      parameters,
    );
    const created: Array<{ id: string }> = await manager.query(
      `WITH ${TARGETS}
       INSERT INTO device_commands (collectivite_id, device_id, type, payload)
       SELECT t.collectivite_id, t.device_id,
              CASE WHEN t.revision IS NULL THEN 'remove_filtering' ELSE 'install_filtering' END,
              CASE WHEN t.revision IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('revision', t.revision) END
         FROM targets t LEFT JOIN device_filtering f ON f.device_id = t.device_id
        WHERE (t.revision IS NOT NULL AND f.revision IS DISTINCT FROM t.revision) OR (t.revision IS NULL AND f.device_id IS NOT NULL)
       ON CONFLICT (device_id) WHERE status IN ${OPEN} AND type IN ${FILTERING_TYPES} DO NOTHING
       RETURNING id`,
      parameters,
    );
    return created.map((row) => row.id);
  }

  /** Every device a change at one level reaches. */
  async scopeOf(
    manager: EntityManager,
    level: 'collectivite' | 'school' | 'pack',
    targetId: string,
  ): Promise<FilteringScope> {
    if (level === 'pack') return { packIds: [targetId], unpackedCollectiviteIds: [] };
    const column = level === 'school' ? 'school_id' : 'collectivite_id';
    const packs: Array<{ id: string }> = await manager.query(`SELECT id FROM packs WHERE ${column} = $1`, [targetId]);
    return {
      packIds: packs.map((pack) => pack.id),
      unpackedCollectiviteIds: level === 'collectivite' ? [targetId] : [],
    };
  }

  merge(scopes: FilteringScope[]): FilteringScope {
    return {
      packIds: [...new Set(scopes.flatMap((scope) => scope.packIds))],
      unpackedCollectiviteIds: [...new Set(scopes.flatMap((scope) => scope.unpackedCollectiviteIds))],
    };
  }
}
