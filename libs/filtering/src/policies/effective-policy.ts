import { createHash } from 'node:crypto';
import {
  LEVEL_LABELS,
  LEVEL_RANK,
  PolicyAtLevel,
  PolicyLevel,
  SAFE_SEARCH_KEYS,
  SafeSearchKey,
  SafeSearchSettings,
  YoutubeMode,
} from './filtering-policy.types';

export interface RuleSource {
  level: PolicyLevel;
  policyId: string;
  policyName: string;
}

export interface EffectiveCategory {
  category: string;
  blocked: boolean;
  mandatory: boolean;
  decidedBy: RuleSource;
  /** Lower levels that tried to unblock a mandatory category, and were overruled. */
  overruled: RuleSource[];
  explanation: string;
}

export interface EffectiveDomainRule {
  /** `example.fr` (host and subdomains) or `*.example.fr` (subdomains only), or an IP address. */
  domain: string;
  action: 'deny' | 'allow';
  source: RuleSource;
  /** The same domain set otherwise at a less specific level. */
  overrides: Array<RuleSource & { action: 'deny' | 'allow' }>;
}

export interface EffectiveSetting<T> {
  value: T;
  /** Null: nobody set it, this is Socle's default. */
  source: RuleSource | null;
}

export interface EffectivePolicy {
  levels: RuleSource[];
  categories: EffectiveCategory[];
  domainRules: EffectiveDomainRule[];
  allowListOnly: EffectiveSetting<boolean>;
  safeSearch: {
    google: EffectiveSetting<boolean>;
    bing: EffectiveSetting<boolean>;
    youtube: EffectiveSetting<YoutubeMode>;
    qwantJunior: EffectiveSetting<boolean>;
  };
}

const SAFE_SEARCH_DEFAULTS: Required<SafeSearchSettings> = {
  google: false,
  bing: false,
  youtube: 'off',
  qwantJunior: false,
};

/**
 * The contract's semantics, from the collectivité down to the pack: the most specific level that
 * mentions a category decides it, except the collectivité's mandatory categories, which stay
 * blocked; denied and allowed domains accumulate (the most specific level wins for one domain);
 * allow-list mode and each safe-search setting come from the most specific level that sets them.
 */
export function effectivePolicy(chain: readonly PolicyAtLevel[]): EffectivePolicy {
  const ordered = [...chain].sort((a, b) => LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
  const source = (policy: PolicyAtLevel): RuleSource => ({
    level: policy.level,
    policyId: policy.policyId,
    policyName: policy.policyName,
  });
  const mandatorySource = ordered.find((policy) => policy.level === 'collectivite');
  const mandatory = new Set(mandatorySource?.content.mandatoryCategories ?? []);

  const categories = new Map<string, EffectiveCategory>();
  for (const policy of ordered) {
    const here = source(policy);
    const decide = (category: string, blocked: boolean) => {
      const known = categories.get(category);
      if (known?.mandatory) {
        if (!blocked) known.overruled.push(here);
        return;
      }
      const isMandatory = blocked && mandatory.has(category) && policy.level === 'collectivite';
      categories.set(category, {
        category,
        blocked,
        mandatory: isMandatory,
        decidedBy: here,
        overruled: [],
        explanation: '',
      });
    };
    if (policy.level === 'collectivite')
      policy.content.mandatoryCategories.forEach((category) => decide(category, true));
    policy.content.blockedCategories.forEach((category) => decide(category, true));
    policy.content.allowedCategories.forEach((category) => decide(category, false));
  }
  for (const category of categories.values()) category.explanation = explainCategory(category);

  const domains = new Map<string, EffectiveDomainRule>();
  for (const policy of ordered) {
    const here = source(policy);
    const set = (domain: string, action: 'deny' | 'allow') => {
      const known = domains.get(domain);
      domains.set(domain, {
        domain,
        action,
        source: here,
        overrides: known ? [...known.overrides, { ...known.source, action: known.action }] : [],
      });
    };
    policy.content.deniedDomains.forEach((domain) => set(domain, 'deny'));
    policy.content.allowedDomains.forEach((domain) => set(domain, 'allow'));
  }

  const setting = <T>(pick: (policy: PolicyAtLevel) => T | null | undefined, fallback: T): EffectiveSetting<T> => {
    for (const policy of [...ordered].reverse()) {
      const value = pick(policy);
      if (value !== null && value !== undefined) return { value, source: source(policy) };
    }
    return { value: fallback, source: null };
  };
  const safe = <K extends SafeSearchKey>(key: K) =>
    setting<Required<SafeSearchSettings>[K]>(
      (policy) => policy.content.safeSearch[key] as Required<SafeSearchSettings>[K] | undefined,
      SAFE_SEARCH_DEFAULTS[key],
    );

  return {
    levels: ordered.map(source),
    categories: [...categories.values()].sort((a, b) => a.category.localeCompare(b.category)),
    domainRules: [...domains.values()].sort((a, b) => a.domain.localeCompare(b.domain)),
    allowListOnly: setting((policy) => policy.content.allowListOnly, false),
    safeSearch: {
      google: safe('google'),
      bing: safe('bing'),
      youtube: safe('youtube'),
      qwantJunior: safe('qwantJunior'),
    },
  };
}

export function blockedCategories(policy: EffectivePolicy): string[] {
  return policy.categories.filter((category) => category.blocked).map((category) => category.category);
}

export function mandatoryCategories(policy: EffectivePolicy): string[] {
  return policy.categories.filter((category) => category.mandatory).map((category) => category.category);
}

/**
 * What a device is sent depends only on this: a short digest that changes exactly when the
 * delivered content would. Devices hold the revision they acknowledged; a difference means "send again".
 */
export function policyRevision(policy: EffectivePolicy, formatVersion: number): string | null {
  if (!policy.levels.length) return null;
  const content = {
    format: formatVersion,
    blocked: blockedCategories(policy).sort(),
    domains: policy.domainRules.map((rule) => [rule.domain, rule.action, rule.source.level]),
    allowListOnly: policy.allowListOnly.value,
    safeSearch: SAFE_SEARCH_KEYS.map((key) => policy.safeSearch[key].value),
  };
  return createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 20);
}

function explainCategory(category: EffectiveCategory): string {
  const by = `${LEVEL_LABELS[category.decidedBy.level]} (politique « ${category.decidedBy.policyName} »)`;
  if (category.mandatory) {
    const overruled = category.overruled.map((source) => `${LEVEL_LABELS[source.level]} (« ${source.policyName} »)`);
    const tail = overruled.length ? ` ; le déblocage demandé par ${overruled.join(', ')} est sans effet` : '';
    return `Bloquée et rendue obligatoire par ${by} : aucun niveau inférieur ne peut la débloquer${tail}.`;
  }
  return category.blocked ? `Bloquée par ${by}.` : `Débloquée par ${by}.`;
}
