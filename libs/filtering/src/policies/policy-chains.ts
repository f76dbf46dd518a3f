import { EntityManager } from 'typeorm';
import { DeviceScope, unpackedContext } from '@socle/fleet';
import { FilteringPolicyContent, PolicyAtLevel, PolicyLevel } from './filtering-policy.types';

/** Devices to bring in line (fleet's DeviceScope: packs, unpacked devices of collectivités, optionally some devices). */
export type FilteringScope = DeviceScope;
export { unpackedContext };

interface PolicyRow {
  scope: PolicyLevel;
  target_id: string;
  id: string;
  name: string;
  blocked_categories: string[];
  allowed_categories: string[];
  mandatory_categories: string[];
  denied_domains: string[];
  allowed_domains: string[];
  allow_list_only: boolean | null;
  safe_search: FilteringPolicyContent['safeSearch'];
}

/**
 * The policies that apply to each context, collectivité first: two queries whatever the number of
 * packs (one for the packs' school and collectivité, one for every assignment on any of them).
 */
export async function policyChains(
  manager: EntityManager,
  scope: FilteringScope,
): Promise<Map<string, PolicyAtLevel[]>> {
  const packs: Array<{ id: string; school_id: string; collectivite_id: string }> = scope.packIds.length
    ? await manager.query('SELECT id, school_id, collectivite_id FROM packs WHERE id = ANY($1::uuid[])', [
        scope.packIds,
      ])
    : [];
  const targets = [
    ...new Set([
      ...packs.flatMap((pack) => [pack.id, pack.school_id, pack.collectivite_id]),
      ...scope.unpackedCollectiviteIds,
    ]),
  ];
  const rows: PolicyRow[] = targets.length
    ? await manager.query(
        `SELECT a.scope, a.target_id, p.id, p.name, p.blocked_categories, p.allowed_categories, p.mandatory_categories,
                p.denied_domains, p.allowed_domains, p.allow_list_only, p.safe_search
           FROM filtering_assignments a JOIN filtering_policies p ON p.id = a.policy_id
          WHERE a.target_id = ANY($1::uuid[])`,
        [targets],
      )
    : [];
  const byTarget = new Map(rows.map((row) => [`${row.scope}:${row.target_id}`, toPolicyAtLevel(row)]));
  const chain = (...keys: string[]) =>
    keys.map((key) => byTarget.get(key)).filter((policy): policy is PolicyAtLevel => !!policy);
  const chains = new Map<string, PolicyAtLevel[]>();
  for (const pack of packs)
    chains.set(pack.id, chain(`collectivite:${pack.collectivite_id}`, `school:${pack.school_id}`, `pack:${pack.id}`));
  for (const collectiviteId of scope.unpackedCollectiviteIds)
    chains.set(unpackedContext(collectiviteId), chain(`collectivite:${collectiviteId}`));
  return chains;
}

/** A school's own chain (collectivité, school): what its resolver can enforce, packs being invisible on the network. */
export async function schoolChain(
  manager: EntityManager,
  schoolId: string,
  collectiviteId: string,
): Promise<PolicyAtLevel[]> {
  const rows: PolicyRow[] = await manager.query(
    `SELECT a.scope, a.target_id, p.id, p.name, p.blocked_categories, p.allowed_categories, p.mandatory_categories,
            p.denied_domains, p.allowed_domains, p.allow_list_only, p.safe_search
       FROM filtering_assignments a JOIN filtering_policies p ON p.id = a.policy_id
      WHERE (a.scope = 'school' AND a.target_id = $1) OR (a.scope = 'collectivite' AND a.target_id = $2)`,
    [schoolId, collectiviteId],
  );
  return rows.map(toPolicyAtLevel);
}

function toPolicyAtLevel(row: PolicyRow): PolicyAtLevel {
  return {
    level: row.scope,
    policyId: row.id,
    policyName: row.name,
    content: {
      blockedCategories: row.blocked_categories,
      allowedCategories: row.allowed_categories,
      mandatoryCategories: row.mandatory_categories,
      deniedDomains: row.denied_domains,
      allowedDomains: row.allowed_domains,
      allowListOnly: row.allow_list_only,
      safeSearch: row.safe_search ?? {},
    },
  };
}
