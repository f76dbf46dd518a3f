import { StoredRestrictions } from './profile-version.entity';

export interface DesiredProfile {
  profileId: string;
  version: number;
  /** 3 pack, 2 school, 1 collectivité: the strongest assignment of this profile for the device. */
  specificity: number;
  assignedAt: Date;
  restrictions: StoredRestrictions;
}

export interface ResolvedProfile {
  profileId: string;
  version: number;
  /** Restriction keys this profile leaves out because another, more specific one decides them. */
  variant: string;
}

/**
 * When two profiles set the same restriction, the most specific assignment wins (pack over school
 * over collectivité; then the latest assignment). The losers are delivered without that key, so
 * the device never has to arbitrate, and the variant tells when that changes.
 */
export function resolveRestrictionConflicts(desired: readonly DesiredProfile[]): ResolvedProfile[] {
  const stronger = (a: DesiredProfile, b: DesiredProfile) =>
    a.specificity - b.specificity ||
    a.assignedAt.getTime() - b.assignedAt.getTime() ||
    a.profileId.localeCompare(b.profileId);
  const winners = new Map<string, DesiredProfile>();
  for (const profile of desired) {
    for (const key of Object.keys(profile.restrictions) as Array<keyof StoredRestrictions>) {
      if (profile.restrictions[key] === undefined) continue;
      const current = winners.get(key);
      if (!current || stronger(profile, current) > 0) winners.set(key, profile);
    }
  }
  return desired.map((profile) => {
    const suppressed = Object.keys(profile.restrictions)
      .filter(
        (key) => profile.restrictions[key as keyof StoredRestrictions] !== undefined && winners.get(key) !== profile,
      )
      .sort();
    return { profileId: profile.profileId, version: profile.version, variant: suppressed.join(',') };
  });
}

/** The restrictions a profile still carries once its variant is applied. */
export function applyVariant(restrictions: StoredRestrictions, variant: string): StoredRestrictions {
  const suppressed = new Set(variant ? variant.split(',') : []);
  return Object.fromEntries(Object.entries(restrictions).filter(([key]) => !suppressed.has(key))) as StoredRestrictions;
}
