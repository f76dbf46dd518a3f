import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { MANAGED_DEVICE_STATES, sqlList } from '@socle/fleet';
import { SCOPE_SPECIFICITY } from './profile-assignment.entity';
import { StoredRestrictions } from './profile-version.entity';
import { DesiredProfile, resolveRestrictionConflicts } from './restriction-conflicts';

/** Which devices to bring in line: those of some packs, those without a pack in some collectivités, optionally only some devices. */
export interface ConvergenceScope {
  packIds: string[];
  unpackedCollectiviteIds: string[];
  deviceIds?: string[];
}

const MANAGED_STATES = `(${sqlList(MANAGED_DEVICE_STATES)})`;

/** Devices of the scope with their context key: the pack, or the collectivité for devices outside any pack. */
const TARGETS = `
  desired(context_key, profile_id, version, variant) AS (SELECT * FROM unnest($1::text[], $2::uuid[], $3::int[], $4::text[])),
  targets AS (
    SELECT d.id AS device_id, d.collectivite_id, COALESCE(d.pack_id::text, 'none:' || d.collectivite_id) AS context_key
      FROM devices d
     WHERE d.state IN ${MANAGED_STATES}
       AND (d.pack_id = ANY($5::uuid[]) OR (d.pack_id IS NULL AND d.collectivite_id = ANY($6::uuid[])))
       AND ($7::uuid[] IS NULL OR d.id = ANY($7::uuid[])))`;

/**
 * Compares what each device should hold (the profiles assigned to its pack, school and
 * collectivité, at their latest version) with what it holds and what is already on its way, and
 * writes the difference as install/remove commands — set-based, in the caller's transaction.
 */
@Injectable()
export class ProfileConvergenceService {
  async converge(manager: EntityManager, scope: ConvergenceScope): Promise<string[]> {
    if (!scope.packIds.length && !scope.unpackedCollectiviteIds.length) return [];
    const desired = await this.desiredProfiles(manager, scope);
    const parameters = [
      desired.map((row) => row.contextKey),
      desired.map((row) => row.profileId),
      desired.map((row) => row.version),
      desired.map((row) => row.variant),
      scope.packIds,
      scope.unpackedCollectiviteIds,
      scope.deviceIds ?? null,
    ];
    // Anything open that is not exactly wanted any more gives way first (the partial unique index allows one open command per device and profile).
    await manager.query(
      `WITH ${TARGETS}
       UPDATE device_commands c SET status = 'superseded', updated_at = now()
         FROM targets t
        WHERE c.device_id = t.device_id AND c.profile_id IS NOT NULL AND c.status IN ('pending', 'delivered')
          AND CASE c.type
                WHEN 'install_profile' THEN NOT EXISTS (
                  SELECT 1 FROM desired x WHERE x.context_key = t.context_key AND x.profile_id = c.profile_id
                     AND x.version = c.profile_version AND x.variant = c.payload->>'variant')
                ELSE EXISTS (SELECT 1 FROM desired x WHERE x.context_key = t.context_key AND x.profile_id = c.profile_id)
              END`,
      parameters,
    );
    const installs: Array<{ id: string }> = await manager.query(
      `WITH ${TARGETS}
       INSERT INTO device_commands (collectivite_id, device_id, type, payload, profile_id, profile_version)
       SELECT t.collectivite_id, t.device_id, 'install_profile',
              jsonb_build_object('profileId', x.profile_id, 'version', x.version, 'variant', x.variant), x.profile_id, x.version
         FROM targets t JOIN desired x ON x.context_key = t.context_key
        WHERE NOT EXISTS (SELECT 1 FROM installed_profiles i
                           WHERE i.device_id = t.device_id AND i.profile_id = x.profile_id AND i.version = x.version AND i.variant = x.variant)
       ON CONFLICT (device_id, profile_id) WHERE status IN ('pending', 'delivered') AND profile_id IS NOT NULL DO NOTHING
       RETURNING id`,
      parameters,
    );
    const removals: Array<{ id: string }> = await manager.query(
      `WITH ${TARGETS}
       INSERT INTO device_commands (collectivite_id, device_id, type, payload, profile_id)
       SELECT t.collectivite_id, t.device_id, 'remove_profile', jsonb_build_object('profileId', i.profile_id), i.profile_id
         FROM targets t JOIN installed_profiles i ON i.device_id = t.device_id
        WHERE NOT EXISTS (SELECT 1 FROM desired x WHERE x.context_key = t.context_key AND x.profile_id = i.profile_id)
       ON CONFLICT (device_id, profile_id) WHERE status IN ('pending', 'delivered') AND profile_id IS NOT NULL DO NOTHING
       RETURNING id`,
      parameters,
    );
    return [...installs, ...removals].map((row) => row.id);
  }

  /** Per context (pack, or collectivité for unpacked devices): each assigned profile once, with its conflict variant. */
  private async desiredProfiles(manager: EntityManager, scope: ConvergenceScope) {
    const rows: Array<{
      context_key: string;
      profile_id: string;
      scope: keyof typeof SCOPE_SPECIFICITY;
      created_at: Date;
      version: number;
      restrictions: StoredRestrictions;
    }> = await manager.query(
      `SELECT pk.id::text AS context_key, a.profile_id, a.scope, a.created_at, p.latest_version AS version, v.restrictions
           FROM packs pk
           JOIN profile_assignments a ON (a.scope = 'pack' AND a.target_id = pk.id) OR (a.scope = 'school' AND a.target_id = pk.school_id)
                                      OR (a.scope = 'collectivite' AND a.target_id = pk.collectivite_id)
           JOIN profiles p ON p.id = a.profile_id
           JOIN profile_versions v ON v.profile_id = p.id AND v.version = p.latest_version
          WHERE pk.id = ANY($1::uuid[])
         UNION ALL
         SELECT 'none:' || a.target_id, a.profile_id, a.scope, a.created_at, p.latest_version, v.restrictions
           FROM profile_assignments a
           JOIN profiles p ON p.id = a.profile_id
           JOIN profile_versions v ON v.profile_id = p.id AND v.version = p.latest_version
          WHERE a.scope = 'collectivite' AND a.target_id = ANY($2::uuid[])`,
      [scope.packIds, scope.unpackedCollectiviteIds],
    );
    const contexts = new Map<string, Map<string, DesiredProfile>>();
    for (const row of rows) {
      const profiles = contexts.get(row.context_key) ?? new Map<string, DesiredProfile>();
      contexts.set(row.context_key, profiles);
      const candidate: DesiredProfile = {
        profileId: row.profile_id,
        version: row.version,
        specificity: SCOPE_SPECIFICITY[row.scope],
        assignedAt: row.created_at,
        restrictions: row.restrictions,
      };
      const known = profiles.get(row.profile_id);
      if (!known || candidate.specificity > known.specificity) profiles.set(row.profile_id, candidate);
    }
    return [...contexts].flatMap(([contextKey, profiles]) =>
      resolveRestrictionConflicts([...profiles.values()]).map((resolved) => ({ contextKey, ...resolved })),
    );
  }
}
