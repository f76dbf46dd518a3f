import { CategoryMatcherBuilder } from '../lists/category-matcher';
import { effectivePolicy, EffectivePolicy } from '../policies/effective-policy';
import { PolicyAtLevel } from '../policies/filtering-policy.types';
import { policyAtLevel } from '../policies/testing/policy-at-level';
import { decideUrl } from '../policies/url-decision';
import { dnsAction, DnsTriggers } from './dns-triggers';
import { DnsZoneWriter } from './dns-zone-writer';

const LISTED: Record<string, string[]> = {
  adult: ['adulte.fr', 'x.partage.fr', 'www.youtube.com'],
  video: ['youtube.com', 'clips.partage.fr', 'partage.fr'],
  games: ['jeux.fr', 'www.bing.com', 'a.jeux.fr'],
};
const NAMES = [
  'adulte.fr',
  'partage.fr',
  'x.partage.fr',
  'clips.partage.fr',
  'youtube.com',
  'www.youtube.com',
  'm.youtube.com',
  'jeux.fr',
  'a.jeux.fr',
  'www.bing.com',
  'www.google.fr',
  'google.fr',
  'ailleurs.fr',
];

/** A small deterministic generator: the same policies at every run, many combinations. */
function random(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(items: readonly T[], count: number) => items.filter(() => next() < count / items.length);
  return { next, pick };
}

function randomChain(seed: number): PolicyAtLevel[] {
  const { next, pick } = random(seed);
  const rules = () => [...pick(NAMES, 2), ...pick(NAMES, 1).map((name) => `*.${name}`)];
  const split = (domains: string[]) => {
    const denied = domains.filter(() => next() < 0.5);
    return { deniedDomains: denied, allowedDomains: domains.filter((domain) => !denied.includes(domain)) };
  };
  return [
    policyAtLevel('collectivite', {
      mandatoryCategories: pick(['adult'], 0.7),
      blockedCategories: pick(['video', 'games'], 1.2),
      ...split(rules()),
      safeSearch: { google: next() < 0.7, bing: next() < 0.5, youtube: next() < 0.7 ? 'strict' : 'off' },
    }),
    policyAtLevel('school', {
      allowedCategories: pick(['games'], 0.3),
      ...split(rules()),
      allowListOnly: next() < 0.15 ? true : null,
    }),
  ];
}

function buildMatcher() {
  const builder = new CategoryMatcherBuilder('v1');
  for (const [category, domains] of Object.entries(LISTED))
    for (const domain of domains) builder.addDomain(builder.category(category), domain);
  return builder.build();
}
const MATCHER = buildMatcher();

/** The zone's triggers as the export writes them: the policy's names, then each listed name of a blocked category. */
function zone(policy: EffectivePolicy): Map<string, string> {
  const triggers = new DnsTriggers(policy, MATCHER);
  const writer = new DnsZoneWriter('rpz');
  let text = [...triggers.explicit.values()].map((entry) => writer.entry(entry)).join('');
  if (policy.allowListOnly.value) text += writer.blockEverything();
  const streamed = new Set(triggers.streamedCategories);
  const mandatory = new Set(policy.categories.filter((c) => c.mandatory).map((c) => c.category));
  const listed = new Map<string, boolean>();
  for (const [category, domains] of Object.entries(LISTED))
    if (streamed.has(category))
      for (const domain of domains) listed.set(domain, (listed.get(domain) ?? false) || mandatory.has(category));
  for (const [domain, isMandatory] of listed)
    if (triggers.blocksListed(domain, isMandatory)) text += writer.listed(domain, triggers.explicit.get(domain));
  const owners = new Map<string, string>();
  for (const line of text.split('\n').filter(Boolean)) {
    const [owner, , target] = line.split(' ');
    expect({ owner, twice: owners.has(owner) }).toEqual({ owner, twice: false });
    owners.set(owner, target);
  }
  return owners;
}

/** What BIND answers for a host: the exact trigger, else the longest `*.suffix`, else nothing (resolved normally). */
function resolve(owners: Map<string, string>, host: string): string {
  if (owners.has(host)) return owners.get(host)!;
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) {
    const wildcard = owners.get(`*.${host.slice(dot + 1)}`);
    if (wildcard) return wildcard;
  }
  return owners.get('*') ?? 'rpz-passthru.';
}

describe('DNS triggers', () => {
  it('make BIND answer every name exactly as the check endpoint decides it, over many policies', () => {
    const hosts = [...NAMES, ...NAMES.map((name) => `sous.${name}`), 'sous.sous.x.partage.fr'];
    let compared = 0;
    for (let seed = 1; seed <= 300; seed++) {
      const policy = effectivePolicy(randomChain(seed));
      const owners = zone(policy);
      for (const host of hosts) {
        const action = dnsAction(decideUrl(policy, MATCHER, { host, path: '', isIp: false }));
        const expected = action.kind === 'block' ? '.' : action.kind === 'pass' ? 'rpz-passthru.' : `${action.target}.`;
        expect({ seed, host, answer: resolve(owners, host) }).toEqual({ seed, host, answer: expected });
        compared++;
      }
    }
    expect(compared).toBe(300 * 27);
  });

  it('lets a domain rule on an engine’s host beat the rewrite, and the rewrite beat a category', () => {
    const policy = effectivePolicy([
      policyAtLevel('collectivite', {
        blockedCategories: ['video', 'games'],
        safeSearch: { google: true, bing: true },
      }),
      policyAtLevel('school', { deniedDomains: ['www.youtube.com'], allowedDomains: ['www.google.fr'] }),
    ]);
    const owners = zone(policy);
    expect(owners.get('www.google.fr')).toBe('rpz-passthru.');
    expect(owners.get('www.youtube.com')).toBe('.');
    expect(owners.get('www.google.com')).toBe('forcesafesearch.google.com.');
    // www.bing.com is in games, blocked: the rewrite decides the name, the category the names under it.
    expect(owners.get('www.bing.com')).toBe('strict.bing.com.');
    expect(owners.get('*.www.bing.com')).toBe('.');
  });
});
