import type { OsFamily } from '@socle/fleet';
import { blockedCategories, mandatoryCategories } from '../../policies/effective-policy';
import { domainRulesOf } from './domain-rule-lists';
import { FilteringRenderContext, QWANT_JUNIOR, RenderedFiltering } from './rendered-filtering';

export const AGENT_FILTERING_FORMAT = 'socle-filtering/1';

/**
 * Laptops run Socle's agent, which filters locally: explicit domains and settings are in the
 * document; for categories (millions of entries, too many to ship) it asks the gateway's
 * `GET /v1/filtering/check?url=` and caches the answers. Fixed key order, no timestamps.
 */
export function buildAgentFiltering(context: FilteringRenderContext, osFamily: OsFamily) {
  const { policy } = context;
  const safe = policy.safeSearch;
  return {
    format: AGENT_FILTERING_FORMAT,
    revision: context.revision,
    collectivite: context.collectivite,
    osFamily,
    allowListOnly: policy.allowListOnly.value,
    blockedCategories: blockedCategories(policy),
    mandatoryCategories: mandatoryCategories(policy),
    deniedDomains: domainRulesOf(policy, 'deny').map((rule) => ({ domain: rule.domain, level: rule.source.level })),
    allowedDomains: domainRulesOf(policy, 'allow').map((rule) => ({ domain: rule.domain, level: rule.source.level })),
    safeSearch: { google: safe.google.value, bing: safe.bing.value, youtube: safe.youtube.value },
    searchEngine: safe.qwantJunior.value ? { name: QWANT_JUNIOR.name, searchUrl: QWANT_JUNIOR.searchUrl } : null,
    categoryLookup: { method: 'GET', path: '/v1/filtering/check', query: 'url' },
    decisionOrder: ['denied_domain', 'allowed_domain', 'allow_list_only', 'category'],
  };
}

export function renderAgentFiltering(context: FilteringRenderContext, osFamily: OsFamily): RenderedFiltering {
  return {
    osFamily,
    revision: context.revision,
    contentType: 'application/json',
    fileName: `filtrage-${context.revision}.${osFamily}.socle-agent.json`,
    warnings: [],
    encoding: 'json',
    body: buildAgentFiltering(context, osFamily),
  };
}
