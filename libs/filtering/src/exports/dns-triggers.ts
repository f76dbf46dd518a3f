import type { CategoryMatcher } from '../lists/category-matcher';
import { isIpLiteral } from '../policies/domain-names';
import { DomainRuleIndex } from '../policies/domain-rule-index';
import { blockedCategories, EffectivePolicy, mandatoryCategories } from '../policies/effective-policy';
import { safeSearchRewrites } from '../policies/safe-search-rewrites';
import { decideUrl, UrlDecision } from '../policies/url-decision';

export type DnsAction = { kind: 'block' } | { kind: 'pass' } | { kind: 'rewrite'; target: string };

/** What a resolver does for one name (`apex`) and for every name under it that has no trigger of its own (`subdomains`). */
export interface DnsEntry {
  base: string;
  apex?: DnsAction;
  subdomains?: DnsAction;
}

export function dnsAction(decision: UrlDecision): DnsAction {
  if (!decision.allowed) return { kind: 'block' };
  return decision.rule === 'safe_search' ? { kind: 'rewrite', target: decision.rewrittenTo! } : { kind: 'pass' };
}

/**
 * The triggers of a school's resolver export, one decision per name, taken by `decideUrl` — the
 * check endpoint's own function — so the two can never disagree. The names the policy itself
 * holds (its domain rules and the search engines' hosts) are decided here, up front; the names the
 * category lists add (millions, streamed) are asked `blocksListed`, which is `decideUrl` for a name
 * known to be in a blocked category, without a lookup per row.
 *
 * A `*.x` trigger stands for any name under x without a trigger of its own: it is decided by asking
 * about the host `*.x` itself, a name no list and no rule can hold.
 */
export class DnsTriggers {
  /** By base name, in the policy's order (domain rules sorted, then the engines). */
  readonly explicit = new Map<string, DnsEntry>();
  /**
   * The categories whose names need streaming: the blocked ones; in allow-list mode everything
   * listed is blocked already, except a mandatory category under a name allowed below the collectivité.
   */
  readonly streamedCategories: string[];
  private readonly rules: DomainRuleIndex;

  constructor(
    private readonly policy: EffectivePolicy,
    matcher: CategoryMatcher,
  ) {
    this.rules = new DomainRuleIndex(policy.domainRules);
    this.streamedCategories = (policy.allowListOnly.value ? mandatoryCategories : blockedCategories)(policy);
    const decide = (host: string) => dnsAction(decideUrl(policy, matcher, { host, path: '', isIp: false }));
    const entry = (base: string) => this.explicit.get(base) ?? this.explicit.set(base, { base }).get(base)!;
    for (const rule of policy.domainRules) {
      if (isIpLiteral(rule.domain)) continue; // DNS sees names
      const wildcard = rule.domain.startsWith('*.');
      const base = wildcard ? rule.domain.slice(2) : rule.domain;
      if (!wildcard) entry(base).apex = decide(base);
      entry(base).subdomains = decide(`*.${base}`);
    }
    for (const { host } of safeSearchRewrites(policy)) {
      // Rewritten unless a domain rule or allow-list mode decided otherwise; those have triggers of their own that cover it.
      const action = decide(host);
      if (action.kind === 'rewrite') entry(host).apex = action;
    }
  }

  /**
   * A name the lists put in a blocked category (`mandatory`: in a mandatory one): true when it
   * needs triggers of its own, false when a domain rule that covers it decides (deny, or an allow
   * that may open it — never a mandatory category from below the collectivité), as in `decideUrl`.
   */
  blocksListed(domain: string, mandatory: boolean): boolean {
    const rule = this.rules.winning(domain);
    if (rule?.action === 'deny') return false;
    if (rule?.action === 'allow') return mandatory && rule.source.level !== 'collectivite';
    return !this.policy.allowListOnly.value;
  }
}
