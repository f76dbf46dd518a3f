import { appleSchemaProblems } from '@test-support/apple-specs';
import { effectivePolicy, policyRevision } from '../../policies/effective-policy';
import { FilteringPolicyContent, PolicyLevel } from '../../policies/filtering-policy.types';
import { policyAtLevel } from '../../policies/testing/policy-at-level';
import { APPLE_LIST_LIMIT, buildAppleFiltering } from './apple-filtering';
import { buildAndroidFiltering } from './android-filtering';
import { buildAgentFiltering } from './agent-filtering';
import { FilteringRenderContext, FILTERING_FORMAT_VERSION } from './rendered-filtering';

function context(...levels: Array<[PolicyLevel, Partial<FilteringPolicyContent>]>): FilteringRenderContext {
  const policy = effectivePolicy(levels.map(([level, content]) => policyAtLevel(level, content, level)));
  return {
    collectivite: { id: '0c6f8f0e-7a57-4b07-9a53-6f3a6c2b1d10', name: 'Ville' },
    label: 'Pack CP',
    revision: policyRevision(policy, FILTERING_FORMAT_VERSION)!,
    policy,
  };
}

const filterOf = (profile: Record<string, unknown>) => (profile.PayloadContent as Array<Record<string, unknown>>)[0];

describe('filtering renders', () => {
  it('builds an Apple profile that validates against Apple’s schema, falling back to the automatic filter for categories', () => {
    const build = buildAppleFiltering(
      context([
        'collectivite',
        {
          blockedCategories: ['adult', 'gambling'],
          deniedDomains: ['tracker.fr', '*.pub.fr'],
          allowedDomains: ['lumni.fr'],
          safeSearch: { google: true },
        },
      ]),
    );
    expect(appleSchemaProblems(build.profile)).toEqual([]);
    expect(filterOf(build.profile)).toMatchObject({
      FilterType: 'BuiltIn',
      AutoFilterEnabled: true,
      DenyListURLs: ['https://pub.fr', 'https://tracker.fr'],
      PermittedURLs: ['https://lumni.fr'],
    });
    expect(build.warnings.join('\n')).toMatch(/AutoFilterEnabled[\s\S]*RPZ/);
    expect(build.warnings.join('\n')).toContain('recherche sécurisée');
  });

  it('uses allow-list bookmarks for allow-list mode and keeps every list within Apple’s limit', () => {
    const many = Array.from({ length: APPLE_LIST_LIMIT + 20 }, (_, index) => `site${index}.fr`);
    const allowList = buildAppleFiltering(
      context(['pack', { allowListOnly: true, allowedDomains: many, safeSearch: { qwantJunior: true } }]),
    );
    expect(appleSchemaProblems(allowList.profile)).toEqual([]);
    const bookmarks = filterOf(allowList.profile).AllowListBookmarks as Array<{ URL: string }>;
    expect(bookmarks).toHaveLength(APPLE_LIST_LIMIT);
    expect(bookmarks[0].URL).toBe('https://www.qwantjunior.com/');
    expect(filterOf(allowList.profile).AutoFilterEnabled).toBeUndefined();
    expect(allowList.warnings.join()).toContain(`${APPLE_LIST_LIMIT + 21} sites autorisés`);
    const denied = buildAppleFiltering(context(['school', { deniedDomains: many }]));
    expect(filterOf(denied.profile).DenyListURLs).toHaveLength(APPLE_LIST_LIMIT);
    expect(denied.warnings.join()).toContain('DenyListURLs');
  });

  it('renders Chrome’s managed configuration for Android, most specific filters first', () => {
    const warnings: string[] = [];
    const policy = buildAndroidFiltering(
      context(
        [
          'collectivite',
          {
            blockedCategories: ['adult'],
            deniedDomains: ['*.pub.fr'],
            safeSearch: { google: true, youtube: 'strict', bing: true },
          },
        ],
        ['pack', { allowedDomains: ['lumni.fr'], safeSearch: { qwantJunior: true } }],
      ),
      warnings,
    );
    expect(policy).toEqual({
      applications: [
        {
          packageName: 'com.android.chrome',
          installType: 'FORCE_INSTALLED',
          managedConfiguration: expect.objectContaining({
            URLBlocklist: ['pub.fr'],
            URLAllowlist: ['.pub.fr', 'lumni.fr'],
            ForceGoogleSafeSearch: true,
            ForceYouTubeRestrict: 2,
            SafeSitesFilterBehavior: 1,
            DefaultSearchProviderSearchURL: 'https://www.qwantjunior.com/?q={searchTerms}',
          }),
        },
      ],
    });
    expect(warnings.join('\n')).toMatch(/SafeSites[\s\S]*Bing/);
    const maternelle = buildAndroidFiltering(
      context(['pack', { allowListOnly: true, allowedDomains: ['lalilo.com'] }]),
      [],
    );
    expect((maternelle.applications as any)[0].managedConfiguration).toMatchObject({
      URLBlocklist: ['*'],
      URLAllowlist: ['lalilo.com'],
    });
  });

  it('gives laptops the whole policy and where to look categories up', () => {
    const agent = buildAgentFiltering(
      context(['collectivite', { mandatoryCategories: ['adult'], deniedDomains: ['x.fr'] }]),
      'windows',
    );
    expect(agent).toMatchObject({
      format: 'socle-filtering/1',
      blockedCategories: ['adult'],
      mandatoryCategories: ['adult'],
      deniedDomains: [{ domain: 'x.fr', level: 'collectivite' }],
      categoryLookup: { path: '/v1/filtering/check' },
    });
  });
});
