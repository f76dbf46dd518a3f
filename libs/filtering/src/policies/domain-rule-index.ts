import { isIpLiteral } from './domain-names';
import type { EffectiveDomainRule } from './effective-policy';
import { LEVEL_RANK } from './filtering-policy.types';

/**
 * The policy's domain rules indexed by base domain, for code that asks about millions of hosts
 * (the DNS exports): a suffix walk instead of a scan of every rule. Same winner as winningDomainRule.
 */
export class DomainRuleIndex {
  private readonly byBase = new Map<string, EffectiveDomainRule[]>();

  constructor(rules: readonly EffectiveDomainRule[]) {
    for (const rule of rules) {
      const base = rule.domain.startsWith('*.') ? rule.domain.slice(2) : rule.domain;
      this.byBase.set(base, [...(this.byBase.get(base) ?? []), rule]);
    }
  }

  winning(host: string): EffectiveDomainRule | undefined {
    if (isIpLiteral(host)) return this.best(this.byBase.get(host) ?? [], host);
    for (let start = 0; ;) {
      const base = start === 0 ? host : host.slice(start);
      const found = this.best(this.byBase.get(base) ?? [], host);
      if (found) return found;
      const dot = host.indexOf('.', start);
      if (dot < 0) return undefined;
      start = dot + 1;
    }
  }

  /** Same base: the most specific level, then `*.x` over `x`; `*.x` never matches x itself. */
  private best(rules: EffectiveDomainRule[], host: string): EffectiveDomainRule | undefined {
    let best: EffectiveDomainRule | undefined;
    const score = (rule: EffectiveDomainRule) =>
      LEVEL_RANK[rule.source.level] * 2 + (rule.domain.startsWith('*.') ? 1 : 0);
    for (const rule of rules) {
      if (rule.domain.startsWith('*.') && rule.domain.slice(2) === host) continue;
      if (!best || score(rule) > score(best)) best = rule;
    }
    return best;
  }
}
