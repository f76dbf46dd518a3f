import { ApiClient } from '../support/api-client';
import { createPack, createSchool, createTenant, expectCreated, operator, Tenant } from '../support/factories';
import { DnsExportFormat, fetchDnsExport } from '../support/resolver-checkers';
import { startStack, TestStack } from '../support/test-stack';
import { listsArchive, ListsSpec, uploadLists } from '../support/category-lists';

const LISTS: ListsSpec = {
  adult: { domains: ['adulte-example.com'] },
  video: { domains: ['youtube.com', 'video-example.fr', 'clips.partage-example.fr'] },
  games: { domains: ['jeux-example.fr', 'www.bing.com'] },
};

/** A name under `base` that no list or rule names: what a `*.base` trigger stands for. */
const ANY_LABEL = 'un-nom-quelconque';

interface Trigger {
  owner: string;
  action: string;
}

/** `owner CNAME target` lines of an RPZ zone (comments, SOA and NS left out). */
function rpzTriggers(zone: string): Trigger[] {
  return zone
    .split('\n')
    .map((line) => /^(\S+) CNAME (\S+)$/.exec(line))
    .filter((match): match is RegExpExecArray => match !== null)
    .map(([, owner, action]) => ({ owner, action }));
}

/** `local-zone` entries of an Unbound include, with the CNAME of each redirect zone. */
function unboundZones(include: string): Trigger[] {
  const cnames = new Map(
    [...include.matchAll(/local-data: "(\S+)\. CNAME (\S+)\."/g)].map(([, host, target]) => [host, target]),
  );
  return [...include.matchAll(/local-zone: "(\S*?)\.?" (\S+)/g)].map(([, zone, type]) => ({
    owner: zone || '.',
    action: type === 'redirect' ? `redirect ${cnames.get(zone)}` : type,
  }));
}

function duplicates(triggers: Trigger[]): string[] {
  const seen = new Set<string>();
  return triggers.filter(({ owner }) => seen.has(owner) || !seen.add(owner)).map(({ owner }) => owner);
}

/**
 * Issue 17: one decision per name in every export, taken by the rule the check endpoint applies
 * (explicit domain rule, then safe-search rewrite, then category), and every export loaded by the
 * resolvers' own checkers.
 */
describe('DNS exports: one decision per name, the same as the check endpoint', () => {
  let stack: TestStack;
  let town: Tenant;
  let platform: ApiClient;
  const schools: Record<'issue' | 'mixed' | 'allowList', string> = { issue: '', mixed: '', allowList: '' };

  beforeAll(async () => {
    stack = await startStack();
    [town, platform] = await Promise.all([createTenant(stack), operator(stack)]);
    expect((await uploadLists(stack.apiUrl, platform.token!, await listsArchive(LISTS))).status).toBe(201);
    for (const key of Object.keys(schools) as Array<keyof typeof schools>)
      schools[key] = (await createSchool(town.technician)).id;

    await assign(
      'Collectivité',
      {
        mandatoryCategories: ['adult'],
        blockedCategories: ['video', 'games'],
        deniedDomains: ['tracker-example.net', '*.ads-example.com'],
        allowedDomains: ['ads-example.com'],
        safeSearch: { google: true, bing: true, youtube: 'strict' },
      },
      { collectiviteId: town.collectiviteId },
    );
    // The case of the issue, word for word: safe search inherited, YouTube denied by name, Google allowed.
    await assign(
      'Issue 17',
      { deniedDomains: ['www.youtube.com'], allowedDomains: ['www.google.fr'] },
      { schoolId: schools.issue },
    );
    await assign(
      'Mixte',
      {
        deniedDomains: ['video-example.fr', 'www.bing.com'],
        allowedDomains: [
          'jeux-example.fr',
          '*.tracker-example.net',
          'partage-example.fr',
          'm.youtube.com',
          'nouvel-adulte-example.fr',
        ],
      },
      { schoolId: schools.mixed },
    );
    const pack = await createPack(town.technician, schools.mixed, 'ipados', 10);
    await assign('Pack', { deniedDomains: ['jeux-example.fr'], allowedDomains: ['youtube.com'] }, { packId: pack.id });
    await assign(
      'Maternelle',
      { allowListOnly: true, allowedDomains: ['ecole-example.fr'], deniedDomains: ['*.pub.ecole-example.fr'] },
      { schoolId: schools.allowList },
    );
    // A list published after the school allowed a name puts it in a mandatory category: the allowance no longer opens it.
    const later = { ...LISTS, adult: { domains: ['adulte-example.com', 'nouvel-adulte-example.fr'] } };
    expect((await uploadLists(stack.apiUrl, platform.token!, await listsArchive(later))).status).toBe(201);
  });
  afterAll(() => stack.close());

  async function assign(name: string, content: Record<string, unknown>, target: Record<string, string>) {
    const client = target.collectiviteId ? town.admin : town.technician;
    const policy = expectCreated(await client.post('/api/v1/filtering-policies', { name, ...content }), name);
    expectCreated(await client.post(`/api/v1/filtering-policies/${policy.id}/assignments`, target), `${name} assigned`);
  }

  const check = async (schoolId: string, host: string) =>
    (await town.technician.get(`/api/v1/filtering/check?schoolId=${schoolId}&url=${encodeURIComponent(host)}`))
      .body as { allowed: boolean; rule: string; rewrittenTo?: string };

  /** The host a trigger decides: the name itself, or any name under a `*.` owner. */
  const hostOf = (owner: string) =>
    owner === '*' || owner === '.' ? `${ANY_LABEL}.example` : owner.replace(/^\*\./, `${ANY_LABEL}.`);

  it('exports the issue’s policy as a zone BIND loads: the explicit names win over the safe-search rewrite', async () => {
    const { text } = await fetchDnsExport(town.technician, schools.issue, 'rpz');
    const lines = text.split('\n');
    expect(lines).toContain('www.youtube.com CNAME .');
    expect(lines).toContain('www.google.fr CNAME rpz-passthru.');
    expect(lines).not.toContain('www.youtube.com CNAME restrict.youtube.com.');
    expect(lines).not.toContain('www.google.fr CNAME forcesafesearch.google.com.');
    // The engines the school did not name keep their rewrite.
    expect(lines).toContain('www.google.com CNAME forcesafesearch.google.com.');
    expect(lines).toContain('m.youtube.com CNAME restrict.youtube.com.');
    const unbound = (await fetchDnsExport(town.technician, schools.issue, 'unbound')).text;
    expect(unbound).toContain('  local-zone: "www.youtube.com." always_nxdomain\n');
    expect(unbound).toContain('  local-zone: "www.google.fr." always_transparent\n');
    expect(unbound).not.toContain('local-data: "www.google.fr.');
    expect(await check(schools.issue, 'www.youtube.com')).toMatchObject({ allowed: false, rule: 'denied_domain' });
    expect(await check(schools.issue, 'www.google.fr')).toMatchObject({ allowed: true, rule: 'allowed_domain' });
    expect(await check(schools.issue, 'www.google.com')).toMatchObject({
      allowed: true,
      rule: 'safe_search',
      rewrittenTo: 'forcesafesearch.google.com',
    });
  });

  it('blocks a name a mandatory category took after the school allowed it, once, in both exports', async () => {
    const { text } = await fetchDnsExport(town.technician, schools.mixed, 'rpz');
    const mine = rpzTriggers(text).filter(({ owner }) => owner.endsWith('nouvel-adulte-example.fr'));
    expect(mine).toEqual([
      { owner: 'nouvel-adulte-example.fr', action: '.' },
      { owner: '*.nouvel-adulte-example.fr', action: '.' },
    ]);
    expect(await check(schools.mixed, 'www.nouvel-adulte-example.fr')).toMatchObject({
      allowed: false,
      rule: 'mandatory_category',
    });
    const unbound = unboundZones((await fetchDnsExport(town.technician, schools.mixed, 'unbound')).text);
    expect(unbound.filter(({ owner }) => owner === 'nouvel-adulte-example.fr')).toEqual([
      { owner: 'nouvel-adulte-example.fr', action: 'always_nxdomain' },
    ]);
  });

  it.each(['issue', 'mixed', 'allowList'] as const)(
    'gives every name of the %s school’s RPZ zone one trigger, which is what the check endpoint answers',
    async (key) => {
      const triggers = rpzTriggers((await fetchDnsExport(town.technician, schools[key], 'rpz')).text);
      expect(triggers.length).toBeGreaterThan(3);
      expect(duplicates(triggers)).toEqual([]);
      for (const { owner, action } of triggers) {
        const answer = await check(schools[key], hostOf(owner));
        const expected =
          action === '.'
            ? { allowed: false }
            : action === 'rpz-passthru.'
              ? { allowed: true, rule: expect.not.stringMatching(/^safe_search$/) }
              : { allowed: true, rule: 'safe_search', rewrittenTo: action.replace(/\.$/, '') };
        expect({ owner, answer }).toEqual({ owner, answer: expect.objectContaining(expected) });
      }
    },
  );

  it.each(['issue', 'mixed', 'allowList'] as const)(
    'gives every zone of the %s school’s Unbound include one type, which is what the check endpoint answers',
    async (key) => {
      const text = (await fetchDnsExport(town.technician, schools[key], 'unbound' as DnsExportFormat)).text;
      const zones = unboundZones(text);
      expect(zones.length).toBeGreaterThan(3);
      expect(duplicates(zones)).toEqual([]);
      for (const { owner, action } of zones) {
        // A zone covers its name and every name under it; a redirect rewrites the name itself.
        const host = action.startsWith('redirect') ? owner : hostOf(`*.${owner}`.replace('*..', '*'));
        const answer = await check(schools[key], host);
        const expected =
          action === 'always_nxdomain'
            ? { allowed: false }
            : action === 'always_transparent'
              ? { allowed: true }
              : { allowed: true, rule: 'safe_search', rewrittenTo: action.slice('redirect '.length) };
        expect({ owner, answer }).toEqual({ owner, answer: expect.objectContaining(expected) });
      }
    },
  );

  it('leaves out what the lists or the rules do not block, and says so in a count', async () => {
    const { text } = await fetchDnsExport(town.technician, schools.mixed, 'rpz');
    const owners = new Map(rpzTriggers(text).map(({ owner, action }) => [owner, action]));
    // Allowed at the school: a list entry under it is not exported, the allowance is.
    expect(owners.has('clips.partage-example.fr')).toBe(false);
    expect(owners.get('*.partage-example.fr')).toBe('rpz-passthru.');
    expect(owners.get('jeux-example.fr')).toBe('rpz-passthru.');
    // Denied at the school although a category lists it too: one trigger, the rule's.
    expect(owners.get('video-example.fr')).toBe('.');
    // A safe-search engine the school denies is blocked, not rewritten; one it allows passes.
    expect(owners.get('www.bing.com')).toBe('.');
    expect(owners.get('m.youtube.com')).toBe('rpz-passthru.');
    // The collectivité allows the apex and denies its subdomains; the school lets the subdomains of the denied tracker through.
    expect(owners.get('ads-example.com')).toBe('rpz-passthru.');
    expect(owners.get('*.ads-example.com')).toBe('.');
    expect(owners.get('tracker-example.net')).toBe('.');
    expect(owners.get('*.tracker-example.net')).toBe('rpz-passthru.');
    // YouTube is a blocked category, but its safe-search host is rewritten rather than blocked.
    expect(owners.get('youtube.com')).toBe('.');
    expect(owners.get('www.youtube.com')).toBe('restrict.youtube.com.');
    // The pack's own policy is not the resolver's.
    expect(await check(schools.mixed, 'jeux-example.fr')).toMatchObject({ allowed: true, rule: 'allowed_domain' });
    expect(text).toMatch(/couverte\(s\) par une règle de domaine/);
  });

  it('writes no rewrite in allow-list mode: the engines are not among the allowed names', async () => {
    const { text } = await fetchDnsExport(town.technician, schools.allowList, 'rpz');
    expect(text).not.toContain('forcesafesearch');
    expect(text.split('\n')).toContain('* CNAME .');
    expect(await check(schools.allowList, 'www.google.fr')).toMatchObject({ allowed: false, rule: 'allow_list_only' });
  });
});
