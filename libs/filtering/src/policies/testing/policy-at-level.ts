import { FilteringPolicyContent, PolicyAtLevel, PolicyLevel } from '../filtering-policy.types';

/** A policy at one level of a chain, for specs: every field empty unless the test says otherwise. */
export function policyAtLevel(
  level: PolicyLevel,
  content: Partial<FilteringPolicyContent>,
  name = `${level} policy`,
): PolicyAtLevel {
  return {
    level,
    policyId: `${level}-id`,
    policyName: name,
    content: {
      blockedCategories: [],
      allowedCategories: [],
      mandatoryCategories: [],
      deniedDomains: [],
      allowedDomains: [],
      allowListOnly: null,
      safeSearch: {},
      ...content,
    },
  };
}
