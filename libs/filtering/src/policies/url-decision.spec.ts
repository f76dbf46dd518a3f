import { CategoryMatcherBuilder } from '../lists/category-matcher';
import { parseTarget } from './domain-names';
import { effectivePolicy, policyRevision } from './effective-policy';
import { FilteringPolicyContent, PolicyAtLevel, PolicyLevel } from './filtering-policy.types';
import { policyAtLevel } from './testing/policy-at-level';
import { decideUrl } from './url-decision';

const policy = (level: PolicyLevel, content: Partial<FilteringPolicyContent>) => policyAtLevel(level, content);

function matcher() {
  const builder = new CategoryMatcherBuilder('v1');
  const [adult, games, press] = ['adult', 'games', 'press'].map((name) => builder.category(name));
  builder.addDomain(adult, 'xxx.example');
  builder.addDomain(adult, 'videos.blog.fr');
  builder.addDomain(games, 'jeux.fr');
  builder.addDomain(games, '10.0.0.7');
  builder.addUrl(games, 'portail.fr', '/jeux');
  builder.addDomain(press, 'jeux.fr');
  builder.addDomain(games, 'jeu.xxx.example');
  builder.addDomain(games, 'www.google.fr');
  return builder.build();
}

const decide = (chain: PolicyAtLevel[], url: string) => decideUrl(effectivePolicy(chain), matcher(), parseTarget(url)!);

describe('effective policy and URL decisions', () => {
  const town = policy('collectivite', {
    mandatoryCategories: ['adult'],
    blockedCategories: ['games'],
    deniedDomains: ['tracker.fr'],
    safeSearch: { google: true, youtube: 'strict' },
  });

  it('lets the most specific level decide a category, but never unblock a mandatory one', () => {
    const school = policy('school', { allowedCategories: ['games', 'adult'] });
    const pack = policy('pack', { blockedCategories: ['games'] });
    const effective = effectivePolicy([pack, town, school]);
    const byName = Object.fromEntries(effective.categories.map((category) => [category.category, category]));
    expect(byName.adult).toMatchObject({
      blocked: true,
      mandatory: true,
      decidedBy: { level: 'collectivite' },
      overruled: [{ level: 'school' }],
    });
    expect(byName.adult.explanation).toContain('obligatoire');
    expect(byName.games).toMatchObject({ blocked: true, decidedBy: { level: 'pack' } });
    expect(effectivePolicy([town, school]).categories.find((category) => category.category === 'games')).toMatchObject({
      blocked: false,
      decidedBy: { level: 'school' },
    });
    expect(effective.safeSearch.youtube).toEqual({
      value: 'strict',
      source: expect.objectContaining({ level: 'collectivite' }),
    });
    expect(effective.safeSearch.bing).toEqual({ value: false, source: null });
  });

  it('decides by the longest host suffix, then the most specific level, and lets domain rules beat categories', () => {
    const school = policy('school', {
      allowedDomains: ['jeux.fr', 'ok.tracker.fr'],
      deniedDomains: ['*.ok.tracker.fr'],
    });
    const pack = policy('pack', { allowedDomains: ['tracker.fr'] });
    expect(decide([town, school], 'http://a.b.jeux.fr/x')).toMatchObject({
      allowed: true,
      rule: 'allowed_domain',
      matched: 'jeux.fr',
    });
    expect(decide([town], 'http://a.b.jeux.fr/x')).toMatchObject({
      allowed: false,
      rule: 'category',
      category: 'games',
      matched: 'jeux.fr',
    });
    expect(decide([town, school], 'https://www.tracker.fr')).toMatchObject({
      allowed: false,
      rule: 'denied_domain',
      matched: 'tracker.fr',
    });
    expect(decide([town, school, pack], 'https://www.tracker.fr')).toMatchObject({
      allowed: true,
      matched: 'tracker.fr',
      source: { level: 'pack' },
    });
    expect(decide([town, school], 'ok.tracker.fr')).toMatchObject({ allowed: true, matched: 'ok.tracker.fr' });
    expect(decide([town, school], 'x.ok.tracker.fr')).toMatchObject({ allowed: false, matched: '*.ok.tracker.fr' });
  });

  it('keeps a mandatory category closed under a domain allowed below the collectivité, not under one the collectivité allows', () => {
    const school = policy('school', { allowedDomains: ['blog.fr'] });
    expect(decide([town, school], 'https://videos.blog.fr/')).toMatchObject({
      allowed: false,
      rule: 'mandatory_category',
      category: 'adult',
    });
    expect(decide([town, school], 'https://blog.fr/')).toMatchObject({ allowed: true, rule: 'allowed_domain' });
    const generous = policy('collectivite', { mandatoryCategories: ['adult'], allowedDomains: ['blog.fr'] });
    expect(decide([generous], 'https://videos.blog.fr/')).toMatchObject({ allowed: true, rule: 'allowed_domain' });
  });

  it('finds a mandatory category on any listed suffix, not only on the longest blocked one', () => {
    const school = policy('school', { allowedDomains: ['jeu.xxx.example'] });
    expect(decide([town, school], 'https://jeu.xxx.example/')).toMatchObject({
      allowed: false,
      rule: 'mandatory_category',
      category: 'adult',
      matched: 'xxx.example',
    });
  });

  it('rewrites a search engine’s host for safe search, after domain rules and allow-list mode, before categories', () => {
    expect(decide([town], 'https://www.google.fr/search?q=x')).toMatchObject({
      allowed: true,
      rule: 'safe_search',
      rewrittenTo: 'forcesafesearch.google.com',
      source: { level: 'collectivite' },
    });
    expect(decide([town], 'https://m.youtube.com/')).toMatchObject({ rewrittenTo: 'restrict.youtube.com' });
    expect(decide([town], 'https://www.bing.com/')).toMatchObject({ rule: 'default' });
    expect(decide([town], 'https://images.google.fr/')).toMatchObject({ rule: 'default' });
    const school = policy('school', { deniedDomains: ['www.google.fr'], allowedDomains: ['www.youtube.com'] });
    expect(decide([town, school], 'https://www.google.fr/')).toMatchObject({ allowed: false, rule: 'denied_domain' });
    expect(decide([town, school], 'https://www.youtube.com/')).toMatchObject({ allowed: true, rule: 'allowed_domain' });
    const maternelle = policy('pack', { allowListOnly: true, allowedDomains: ['lalilo.com'] });
    expect(decide([town, maternelle], 'https://www.google.fr/')).toMatchObject({ rule: 'allow_list_only' });
  });

  it('handles URL entries, IP literals and allow-list mode', () => {
    expect(decide([town], 'portail.fr/Jeux/echecs')).toMatchObject({
      allowed: false,
      category: 'games',
      matched: 'portail.fr/jeux',
    });
    expect(decide([town], 'portail.fr/jeuxvideo')).toMatchObject({ allowed: true, rule: 'default' });
    expect(decide([town], 'http://10.0.0.7:8080/')).toMatchObject({ allowed: false, category: 'games' });
    expect(decide([town], 'http://10.0.0.70/')).toMatchObject({ allowed: true });
    const maternelle = policy('pack', { allowListOnly: true, allowedDomains: ['lalilo.com'] });
    expect(decide([town, maternelle], 'https://www.lalilo.com/eleve')).toMatchObject({
      allowed: true,
      rule: 'allowed_domain',
    });
    expect(decide([town, maternelle], 'https://wikipedia.org')).toMatchObject({
      allowed: false,
      rule: 'allow_list_only',
    });
  });

  it('changes the revision exactly when delivered content changes', () => {
    const base = policyRevision(effectivePolicy([town]), 1);
    expect(policyRevision(effectivePolicy([{ ...town, policyName: 'renamed' }]), 1)).toBe(base);
    expect(policyRevision(effectivePolicy([town, policy('pack', { deniedDomains: ['x.fr'] })]), 1)).not.toBe(base);
    expect(policyRevision(effectivePolicy([]), 1)).toBeNull();
  });
});
