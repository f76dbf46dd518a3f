import { FieldProblem } from '@socle/core';
import { normalizeDomainRule } from './domain-names';
import { FilteringPolicyDto } from './dto/filtering-policy.dto';
import { FilteringPolicyContent, SafeSearchSettings } from './filtering-policy.types';

/**
 * A validated body as it is stored: domains normalised (lower-case punycode), duplicates dropped,
 * `safeSearch: true` spelled out. Contradictions inside one policy are field problems (400).
 */
export function policyContentOf(dto: FilteringPolicyDto): {
  content: FilteringPolicyContent;
  problems: FieldProblem[];
} {
  const unique = (values?: string[]) => [...new Set(values ?? [])];
  const domains = (values?: string[]) => unique((values ?? []).map((value) => normalizeDomainRule(value)!));
  const content: FilteringPolicyContent = {
    blockedCategories: unique(dto.blockedCategories),
    allowedCategories: unique(dto.allowedCategories),
    mandatoryCategories: unique(dto.mandatoryCategories),
    deniedDomains: domains(dto.deniedDomains),
    allowedDomains: domains(dto.allowedDomains),
    allowListOnly: dto.allowListOnly ?? null,
    safeSearch: safeSearchOf(dto.safeSearch),
  };
  const problems: FieldProblem[] = [];
  const both = (field: string, a: string[], b: string[], what: string) => {
    const common = a.filter((value) => b.includes(value));
    if (common.length) problems.push({ field, problems: [`${common.join(', ')}: ${what}`] });
  };
  both(
    'allowedCategories',
    content.allowedCategories,
    content.blockedCategories,
    'a category cannot be both blocked and allowed by one policy',
  );
  both(
    'allowedCategories',
    content.allowedCategories,
    content.mandatoryCategories,
    'a mandatory category cannot be allowed',
  );
  both(
    'allowedDomains',
    content.allowedDomains,
    content.deniedDomains,
    'a domain cannot be both denied and allowed by one policy',
  );
  return { content, problems };
}

function safeSearchOf(value: FilteringPolicyDto['safeSearch']): SafeSearchSettings {
  if (value === undefined || value === null) return {};
  if (typeof value === 'boolean') return { google: value, bing: value, youtube: value ? 'strict' : 'off' };
  return Object.fromEntries(Object.entries(value).filter(([, setting]) => setting !== null)) as SafeSearchSettings;
}

/** Categories the policy names that the active lists do not know: probably a typo, said in the answer. */
export function unknownCategories(content: FilteringPolicyContent, known: readonly string[]): string[] {
  if (!known.length) return [];
  const names = new Set([...content.blockedCategories, ...content.allowedCategories, ...content.mandatoryCategories]);
  return [...names].filter((name) => !known.includes(name)).sort();
}
