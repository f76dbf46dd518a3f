import * as plist from 'plist';
import type { PlistObject, PlistValue } from 'plist';
import { APPLE_PROFILE_CONTENT_TYPE, nameBasedUuid, ProfileSigner, signedData } from '@socle/profiles';
import { blockedCategories } from '../../policies/effective-policy';
import { baseDomain, distinct, domainRulesOf, wildcardsOf } from './domain-rule-lists';
import { filteringWarnings } from './filtering-warnings';
import { FilteringRenderContext, QWANT_JUNIOR, RenderedFiltering } from './rendered-filtering';

/** Apple: "Limit the number of these URLs to about 500" (DenyListURLs); we hold every list to it. */
export const APPLE_LIST_LIMIT = 500;
const TARGET_IPAD = 1;

/** One per collectivité: a new revision replaces the installed profile instead of stacking another one. */
export function appleFilteringIdentifier(collectiviteId: string): string {
  return `fr.socle.filtering.${collectiviteId}`;
}

export interface AppleFilteringBuild {
  profile: PlistObject;
  warnings: string[];
}

/**
 * The built-in web content filter (`com.apple.webcontent-filter`, FilterType BuiltIn). Allow-list
 * mode becomes AllowListBookmarks ("specific websites only"). Otherwise explicit denied domains go
 * to DenyListURLs and, since category lists run to millions of entries and the iPad takes about
 * 500, blocked categories fall back to Apple's own adult-content filter (AutoFilterEnabled), with
 * the allowed domains as its PermittedURLs; the school's resolver export carries the full lists.
 */
export function buildAppleFiltering(context: FilteringRenderContext): AppleFilteringBuild {
  const { policy } = context;
  const warnings: string[] = [];
  const identifier = appleFilteringIdentifier(context.collectivite.id);
  const filter: Record<string, PlistValue> = {
    PayloadType: 'com.apple.webcontent-filter',
    PayloadVersion: 1,
    PayloadIdentifier: `${identifier}.webcontent`,
    PayloadUUID: nameBasedUuid(`filtering/${context.collectivite.id}/${context.revision}/webcontent`),
    PayloadDisplayName: 'Filtrage web',
    FilterType: 'BuiltIn',
  };
  const allowed = domainRulesOf(policy, 'allow');
  const denied = domainRulesOf(policy, 'deny');
  if (policy.allowListOnly.value) {
    const bookmarks = distinct(allowed.map((rule) => baseDomain(rule.domain))).map((domain) => ({
      URL: `https://${domain}/`,
      Title: domain,
    }));
    if (policy.safeSearch.qwantJunior.value)
      bookmarks.unshift({ URL: QWANT_JUNIOR.homepage, Title: QWANT_JUNIOR.name });
    if (bookmarks.length > APPLE_LIST_LIMIT)
      warnings.push(filteringWarnings.appleAllowListTruncated(APPLE_LIST_LIMIT, bookmarks.length));
    filter.AllowListBookmarks = bookmarks.slice(0, APPLE_LIST_LIMIT);
    if (wildcardsOf(allowed).length)
      warnings.push(filteringWarnings.wildcardApproximated('iPadOS', wildcardsOf(allowed)));
  } else {
    const categories = blockedCategories(policy);
    filter.AutoFilterEnabled = categories.length > 0;
    if (categories.length) warnings.push(filteringWarnings.appleCategories(categories));
    const deny = limited(
      distinct(denied.map((rule) => `https://${baseDomain(rule.domain)}`)),
      'DenyListURLs',
      warnings,
    );
    if (deny.length) {
      filter.DenyListURLs = deny;
      filter.HideDenyListURLs = true;
    }
    const permitted = distinct(allowed.map((rule) => `https://${baseDomain(rule.domain)}`));
    if (permitted.length && categories.length) filter.PermittedURLs = limited(permitted, 'PermittedURLs', warnings);
    else if (permitted.length) warnings.push(filteringWarnings.applePermittedWithoutFilter());
    const wildcards = wildcardsOf([...denied, ...(categories.length ? allowed : [])]);
    if (wildcards.length) warnings.push(filteringWarnings.wildcardApproximated('iPadOS', wildcards));
    if (policy.safeSearch.qwantJunior.value) warnings.push(filteringWarnings.appleKidsEngine());
  }
  const { google, bing, youtube } = policy.safeSearch;
  if (google.value || bing.value || youtube.value !== 'off') warnings.push(filteringWarnings.appleSafeSearch());
  const profile: PlistObject = {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: identifier,
    PayloadUUID: nameBasedUuid(`filtering/${context.collectivite.id}/${context.revision}`),
    PayloadDisplayName: `Filtrage web – ${context.label}`.slice(0, 200),
    PayloadOrganization: context.collectivite.name,
    PayloadRemovalDisallowed: true,
    TargetDeviceType: TARGET_IPAD,
    PayloadContent: [filter],
  };
  return { profile, warnings };
}

export function renderAppleFiltering(
  context: FilteringRenderContext,
  signer: ProfileSigner | undefined,
  signingTime = new Date(),
): RenderedFiltering {
  const { profile, warnings } = buildAppleFiltering(context);
  const xml = Buffer.from(plist.build(profile), 'utf8');
  const body = signer ? signedData(xml, signer, new Date(Math.floor(signingTime.getTime() / 1000) * 1000)) : xml;
  return {
    osFamily: 'ipados',
    revision: context.revision,
    contentType: APPLE_PROFILE_CONTENT_TYPE,
    fileName: `filtrage-${context.revision}.mobileconfig`,
    warnings,
    encoding: 'base64',
    body: body.toString('base64'),
  };
}

function limited(values: string[], key: string, warnings: string[]): string[] {
  if (values.length <= APPLE_LIST_LIMIT) return values;
  warnings.push(filteringWarnings.appleListTruncated(key, APPLE_LIST_LIMIT, values.length));
  return values.slice(0, APPLE_LIST_LIMIT);
}
