import { blockedCategories } from '../../policies/effective-policy';
import { baseDomain, distinct, domainRulesOf } from './domain-rule-lists';
import { filteringWarnings } from './filtering-warnings';
import { FilteringRenderContext, QWANT_JUNIOR, RenderedFiltering } from './rendered-filtering';

/** Chrome reads at most 1,000 entries of URLBlocklist and of URLAllowlist and ignores the rest. */
export const CHROME_LIST_LIMIT = 1000;
const CHROME_PACKAGE = 'com.android.chrome';
const YOUTUBE_RESTRICT = { off: 0, moderate: 1, strict: 2 } as const;

/**
 * An Android Management API policy fragment: Chrome's managed configuration only. Its keys are
 * disjoint from the profile renderer's (ManagedBookmarks), so the two merge key by key on the
 * device. Chrome's URL filter format matches `example.fr` with its subdomains and `.example.fr`
 * exactly, and lets the most specific filter win (allow on a tie) — the contract's own rule.
 */
export function buildAndroidFiltering(context: FilteringRenderContext, warnings: string[]): Record<string, unknown> {
  const { policy } = context;
  const allowed = domainRulesOf(policy, 'allow');
  const denied = domainRulesOf(policy, 'deny');
  const blocklist: string[] = [];
  const allowlist: string[] = [];
  for (const rule of denied) {
    blocklist.push(baseDomain(rule.domain));
    // `*.x` denies the subdomains only: the host itself stays allowed, exactly.
    if (rule.domain.startsWith('*.')) allowlist.push(`.${baseDomain(rule.domain)}`);
  }
  allowlist.push(...allowed.map((rule) => baseDomain(rule.domain)));
  const categories = blockedCategories(policy);
  if (policy.allowListOnly.value) {
    blocklist.unshift('*');
    if (policy.safeSearch.qwantJunior.value) allowlist.unshift('www.qwantjunior.com');
  } else if (categories.length) {
    warnings.push(filteringWarnings.androidCategories(categories));
  }
  if (policy.safeSearch.bing.value) warnings.push(filteringWarnings.androidBing());
  const configuration: Record<string, unknown> = {
    URLBlocklist: capped(distinct(blocklist), 'URLBlocklist', warnings),
    URLAllowlist: capped(distinct(allowlist), 'URLAllowlist', warnings),
    ForceGoogleSafeSearch: policy.safeSearch.google.value,
    ForceYouTubeRestrict: YOUTUBE_RESTRICT[policy.safeSearch.youtube.value],
    // Google's SafeSites adult-content filter stands in for category lists Chrome cannot hold.
    SafeSitesFilterBehavior: categories.length ? 1 : 0,
  };
  if (policy.safeSearch.qwantJunior.value) {
    Object.assign(configuration, {
      DefaultSearchProviderEnabled: true,
      DefaultSearchProviderName: QWANT_JUNIOR.name,
      DefaultSearchProviderSearchURL: QWANT_JUNIOR.searchUrl,
    });
  }
  return {
    applications: [
      { packageName: CHROME_PACKAGE, installType: 'FORCE_INSTALLED', managedConfiguration: configuration },
    ],
  };
}

export function renderAndroidFiltering(context: FilteringRenderContext): RenderedFiltering {
  const warnings: string[] = [];
  const body = buildAndroidFiltering(context, warnings);
  return {
    osFamily: 'android',
    revision: context.revision,
    contentType: 'application/json',
    fileName: `filtrage-${context.revision}.android-policy.json`,
    warnings,
    encoding: 'json',
    body,
  };
}

function capped(values: string[], key: string, warnings: string[]): string[] {
  if (values.length <= CHROME_LIST_LIMIT) return values;
  warnings.push(filteringWarnings.androidListTruncated(key, values.length));
  return values.slice(0, CHROME_LIST_LIMIT);
}
