import { EffectiveDomainRule, EffectivePolicy } from '../../policies/effective-policy';
import { LEVEL_RANK } from '../../policies/filtering-policy.types';

/** Denied or allowed domains, the most specific levels first: what is kept when a platform limit cuts the list. */
export function domainRulesOf(policy: EffectivePolicy, action: 'deny' | 'allow'): EffectiveDomainRule[] {
  return policy.domainRules
    .filter((rule) => rule.action === action)
    .sort((a, b) => LEVEL_RANK[b.source.level] - LEVEL_RANK[a.source.level] || a.domain.localeCompare(b.domain));
}

/** `*.example.fr` → `example.fr`: for the platforms that cannot name subdomains only. */
export function baseDomain(domain: string): string {
  return domain.startsWith('*.') ? domain.slice(2) : domain;
}

export function wildcardsOf(rules: readonly EffectiveDomainRule[]): string[] {
  return rules.filter((rule) => rule.domain.startsWith('*.')).map((rule) => rule.domain);
}

/** Unique, in order. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}
