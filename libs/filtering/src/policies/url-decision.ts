import type { CategoryMatcher } from '../lists/category-matcher';
import { ParsedTarget } from './domain-names';
import { DomainRuleIndex } from './domain-rule-index';
import { EffectiveDomainRule, EffectivePolicy, RuleSource } from './effective-policy';
import { LEVEL_LABELS } from './filtering-policy.types';
import { safeSearchRewriteOf } from './safe-search-rewrites';

export const DECISION_RULES = [
  'denied_domain',
  'allowed_domain',
  'mandatory_category',
  'category',
  'allow_list_only',
  'safe_search',
  'default',
] as const;
export type DecisionRule = (typeof DECISION_RULES)[number];

export interface UrlDecision {
  allowed: boolean;
  /** The category that blocked the URL, or (when allowed) the first category listing it. */
  category?: string;
  rule: DecisionRule;
  host: string;
  /** The domain rule or list entry that matched. */
  matched?: string;
  source?: RuleSource;
  /** Safe search: the engine's "safe" name that the host is sent to instead. */
  rewrittenTo?: string;
  explanation: string;
}

/**
 * One URL against one effective policy, in the contract's order: the explicit domain rule on the
 * longest matching host suffix (the most specific level at equal length) beats categories — except
 * that an allow set below the collectivité never opens a mandatory category; then allow-list mode;
 * then the safe-search rewrite of a search engine's host; then blocked categories (longest listed
 * suffix first). The DNS exports write this same decision for each name they hold.
 */
export function decideUrl(policy: EffectivePolicy, matcher: CategoryMatcher, target: ParsedTarget): UrlDecision {
  const { host } = target;
  const listed = matcher.matches(host, target.path);
  const blocked = new Map(
    policy.categories.filter((category) => category.blocked).map((category) => [category.category, category]),
  );
  const firstBlocked = () => {
    for (const match of listed) {
      const category = match.categories.find((name) => blocked.has(name));
      if (category) return { entry: match.entry, category: blocked.get(category)! };
    }
    return undefined;
  };
  // Any listed suffix in a mandatory category, not only the longest blocked one: a domain allowed below the collectivité never opens it.
  const firstMandatory = () => {
    for (const match of listed) {
      const category = match.categories.find((name) => blocked.get(name)?.mandatory);
      if (category) return { entry: match.entry, category: blocked.get(category)! };
    }
    return undefined;
  };
  const rule = winningDomainRule(policy.domainRules, host);
  if (rule?.action === 'deny') {
    return {
      allowed: false,
      rule: 'denied_domain',
      host,
      matched: rule.domain,
      source: rule.source,
      explanation: `Domaine « ${rule.domain} » refusé par ${from(rule.source)}.`,
    };
  }
  if (rule?.action === 'allow') {
    const hit = rule.source.level === 'collectivite' ? undefined : firstMandatory();
    if (hit) {
      return mandatoryBlock(
        host,
        hit.entry,
        hit.category.category,
        hit.category.decidedBy,
        ` (l'autorisation de « ${rule.domain} » par ${from(rule.source)} ne peut pas l'ouvrir)`,
      );
    }
    return {
      allowed: true,
      rule: 'allowed_domain',
      category: listed[0]?.categories[0],
      host,
      matched: rule.domain,
      source: rule.source,
      explanation: `Domaine « ${rule.domain} » autorisé par ${from(rule.source)}.`,
    };
  }
  if (policy.allowListOnly.value) {
    const source = policy.allowListOnly.source ?? undefined;
    return {
      allowed: false,
      rule: 'allow_list_only',
      category: listed[0]?.categories[0],
      host,
      source,
      explanation: `Mode « liste blanche seule » fixé par ${source ? from(source) : 'défaut'} : « ${host} » n'est pas dans les domaines autorisés.`,
    };
  }
  const rewrite = safeSearchRewriteOf(policy, host);
  if (rewrite) {
    return {
      allowed: true,
      rule: 'safe_search',
      category: listed[0]?.categories[0],
      host,
      source: rewrite.source ?? undefined,
      rewrittenTo: rewrite.target,
      explanation: `Recherche sécurisée imposée par ${rewrite.source ? from(rewrite.source) : 'défaut'} : « ${host} » est servi par « ${rewrite.target} ».`,
    };
  }
  const hit = firstBlocked();
  if (hit) {
    if (hit.category.mandatory)
      return mandatoryBlock(host, hit.entry, hit.category.category, hit.category.decidedBy, '');
    return {
      allowed: false,
      rule: 'category',
      category: hit.category.category,
      host,
      matched: hit.entry,
      source: hit.category.decidedBy,
      explanation: `Catégorie « ${hit.category.category} » (entrée « ${hit.entry} ») bloquée par ${from(hit.category.decidedBy)}.`,
    };
  }
  return {
    allowed: true,
    rule: 'default',
    category: listed[0]?.categories[0],
    host,
    matched: listed[0]?.entry,
    explanation: listed.length
      ? `Listé en « ${listed[0].categories.join(', ')} », catégorie non bloquée.`
      : 'Aucune règle ne concerne ce site.',
  };
}

/** The longest matching suffix wins; at equal length, the most specific level; then `*.x` over `x` (it names subdomains on purpose). */
export function winningDomainRule(
  rules: readonly EffectiveDomainRule[],
  host: string,
): EffectiveDomainRule | undefined {
  return new DomainRuleIndex(rules).winning(host);
}

function mandatoryBlock(host: string, entry: string, category: string, source: RuleSource, tail: string): UrlDecision {
  return {
    allowed: false,
    rule: 'mandatory_category',
    category,
    host,
    matched: entry,
    source,
    explanation: `Catégorie obligatoire « ${category} » (entrée « ${entry} ») bloquée par ${from(source)}${tail}.`,
  };
}

function from(source: RuleSource): string {
  return `${LEVEL_LABELS[source.level]} (politique « ${source.policyName} »)`;
}
