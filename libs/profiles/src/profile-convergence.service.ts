import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CommandSetsService } from '@socle/delivery';
import { DeviceScope, LEVEL_RANK } from '@socle/fleet';
import { StoredRestrictions } from './profile-version.entity';
import { DesiredProfile, resolveRestrictionConflicts } from './restriction-conflicts';

/** Which devices to bring in line: fleet's DeviceScope. */
export type ConvergenceScope = DeviceScope;

/**
 * Compares what each device should hold (the profiles assigned to its pack, school and
 * collectivité, at their latest version) with what it holds and what is already on its way, and
 * has delivery write the difference as install/remove commands (CommandSetsService.convergeProfiles)
 * — set-based, in the caller's transaction.
 */
@Injectable()
export class ProfileConvergenceService {
  constructor(private readonly commands: CommandSetsService) {}

  async converge(manager: EntityManager, scope: ConvergenceScope): Promise<string[]> {
    if (!scope.packIds.length && !scope.unpackedCollectiviteIds.length) return [];
    return this.commands.convergeProfiles(manager, scope, await this.desiredProfiles(manager, scope));
  }

  /** Per context (pack, or collectivité for unpacked devices): each assigned profile once, with its conflict variant. */
  private async desiredProfiles(manager: EntityManager, scope: ConvergenceScope) {
    const rows: Array<{
      context_key: string;
      profile_id: string;
      scope: keyof typeof LEVEL_RANK;
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
        specificity: LEVEL_RANK[row.scope],
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
