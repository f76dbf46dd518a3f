import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { appleProfileFromBody } from '@socle/profiles';
import { appleSchemaProblems } from '@test-support/apple-specs';
import { ApiClient } from '../support/api-client';
import {
  createPack,
  createSchool,
  createTenant,
  expectCreated,
  issueToken,
  operator,
  simulatedDevice,
  Tenant,
} from '../support/factories';
import { fetchDnsExport } from '../support/resolver-checkers';
import { startStack, TestStack } from '../support/test-stack';
import { listsArchive, ListsSpec, uploadLists, writeLists } from '../support/category-lists';

const LISTS: ListsSpec = {
  adult: { domains: ['xxx-example.com', 'École-Adulte.fr', '10.20.30.40', 'pas un domaine !'] },
  gambling: { domains: ['casino-example.fr'], urls: ['jeux.example.org/poker'] },
  games: { domains: ['jeux-example.fr'] },
  press: { domains: ['lemonde-example.fr'] },
};

/** One collectivité, one school, one iPad pack: the story of issue 4 from the CLI import to the school's resolver. */
describe('Filtering policies, from the category lists to the devices and the school resolver', () => {
  let stack: TestStack;
  let town: Tenant;
  let platform: ApiClient;
  let schoolId: string;
  let packId: string;
  const policyIds: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    const output = execFileSync(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, '../../libs/filtering/src/lists/import-cli.ts'), writeLists(LISTS)],
      {
        cwd: join(__dirname, '../..'),
        env: process.env,
        encoding: 'utf8',
      },
    );
    expect(output).toMatch(/Version \d+ active : 4 catégories, 6 domaines, 1 URL, 1 ligne\(s\) ignorée\(s\)/);
    [town, platform] = await Promise.all([createTenant(stack), operator(stack)]);
    schoolId = (await createSchool(town.technician)).id;
    packId = (await createPack(town.technician, schoolId, 'ipados', 10)).id;
  });
  afterAll(() => stack.close());

  const effective = async (query = `packId=${packId}`) =>
    (await town.technician.get(`/api/v1/filtering/effective?${query}`)).body;
  const check = async (url: string) =>
    (await town.technician.get(`/api/v1/filtering/check?packId=${packId}&url=${encodeURIComponent(url)}`)).body;
  const category = (view: any, name: string) =>
    view.categories.find((entry: { category: string }) => entry.category === name);

  async function newPolicy(key: string, body: Record<string, unknown>) {
    const created = expectCreated(
      await town.technician.post('/api/v1/filtering-policies', { name: `${key} ${Math.random()}`, ...body }),
      key,
    );
    policyIds[key] = created.id;
    return created;
  }

  it('inherits the collectivité’s policy in a pack, lets the school override it, then the pack again', async () => {
    await newPolicy('town', {
      mandatoryCategories: ['adult'],
      blockedCategories: ['gambling', 'games'],
      deniedDomains: ['Tracker-Example.net.'],
      safeSearch: { google: true, youtube: 'strict' },
    });
    expect(
      (
        await town.admin.post(`/api/v1/filtering-policies/${policyIds.town}/assignments`, {
          collectiviteId: town.collectiviteId,
        })
      ).status,
    ).toBe(201);
    let view = await effective();
    expect(category(view, 'games')).toMatchObject({
      blocked: true,
      decidedBy: { level: 'collectivite', policyId: policyIds.town },
    });
    expect(view.domainRules).toEqual([expect.objectContaining({ domain: 'tracker-example.net', action: 'deny' })]);
    expect(view.safeSearch.youtube).toMatchObject({ value: 'strict', source: { level: 'collectivite' } });

    await newPolicy('school', { allowedCategories: ['games'], deniedDomains: ['*.ads-example.com'] });
    const assigned = await town.technician.post(`/api/v1/filtering-policies/${policyIds.school}/assignments`, {
      schoolId,
    });
    expect(assigned.body).toMatchObject({ scope: 'school', targetId: schoolId, replacedPolicyId: null });
    view = await effective();
    expect(category(view, 'games')).toMatchObject({ blocked: false, decidedBy: { level: 'school' } });
    expect((await check('https://jeux-example.fr/')).allowed).toBe(true);

    await newPolicy('pack', { blockedCategories: ['games'] });
    await town.technician.post(`/api/v1/filtering-policies/${policyIds.pack}/assignments`, { packId });
    view = await effective();
    expect(category(view, 'games')).toMatchObject({
      blocked: true,
      decidedBy: { level: 'pack', policyId: policyIds.pack },
    });
    expect(category(view, 'games').explanation).toContain('le pack');
    expect(view.levels.map((level: { level: string }) => level.level)).toEqual(['collectivite', 'school', 'pack']);
    expect(await check('https://jeux-example.fr/')).toMatchObject({
      allowed: false,
      rule: 'category',
      category: 'games',
      source: { level: 'pack' },
    });
    // The school's own level (what its resolver applies) keeps the school's choice.
    expect(category(await effective(`schoolId=${schoolId}`), 'games')).toMatchObject({ blocked: false });
  });

  it('refuses, with 409 CATEGORY_MANDATORY, every way of unblocking a mandatory category below the collectivité', async () => {
    const sneaky = await newPolicy('sneaky', { allowedCategories: ['adult'] });
    const refused = await town.technician.post(`/api/v1/filtering-policies/${sneaky.id}/assignments`, { packId });
    expect(refused).toMatchObject({ status: 409, body: { code: 'CATEGORY_MANDATORY' } });
    expect(refused.body.message).toContain('adult');
    const byDomain = await newPolicy('byDomain', { allowedDomains: ['www.xxx-example.com'] });
    expect(
      (await town.technician.post(`/api/v1/filtering-policies/${byDomain.id}/assignments`, { schoolId })).body.code,
    ).toBe('CATEGORY_MANDATORY');
    const ownMandatory = await newPolicy('ownMandatory', { mandatoryCategories: ['press'] });
    expect(
      (await town.technician.post(`/api/v1/filtering-policies/${ownMandatory.id}/assignments`, { packId })).body.code,
    ).toBe('MANDATORY_ONLY_AT_COLLECTIVITE');
    const edited = await town.technician.put(`/api/v1/filtering-policies/${policyIds.school}`, {
      name: 'École',
      allowedCategories: ['games', 'adult'],
    });
    expect(edited).toMatchObject({ status: 409, body: { code: 'CATEGORY_MANDATORY' } });
    expect(category(await effective(), 'adult')).toMatchObject({ blocked: true, mandatory: true });
    expect(
      (await town.technician.get(`/api/v1/filtering-policies/${policyIds.school}`)).body.allowedCategories,
    ).toEqual(['games']);
    const inOnePolicy = await town.technician.post('/api/v1/filtering-policies', {
      name: 'Incohérente',
      blockedCategories: ['press'],
      allowedCategories: ['press'],
    });
    expect(inOnePolicy).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
  });

  it('answers URL checks that agree with the effective policy, on tricky URLs', async () => {
    const view = await effective();
    const table: Array<[string, Record<string, unknown>]> = [
      [
        'https://a.b.xxx-example.com/page',
        { allowed: false, rule: 'mandatory_category', category: 'adult', matched: 'xxx-example.com' },
      ],
      ['HTTP://WWW.XXX-EXAMPLE.COM./', { allowed: false, rule: 'mandatory_category', category: 'adult' }],
      ['https://école-adulte.fr/', { allowed: false, category: 'adult', host: 'xn--cole-adulte-99a.fr' }],
      ['https://xn--cole-adulte-99a.fr', { allowed: false, category: 'adult' }],
      ['casino-example.fr:8080/roulette', { allowed: false, rule: 'category', category: 'gambling' }],
      [
        'http://jeux.example.org/Poker/table?x=1',
        { allowed: false, category: 'gambling', matched: 'jeux.example.org/poker' },
      ],
      ['http://jeux.example.org/pokerface', { allowed: true, rule: 'default' }],
      ['http://10.20.30.40:8080/', { allowed: false, category: 'adult', host: '10.20.30.40' }],
      ['http://30.40.10.20/', { allowed: true }],
      ['http://[::1]:3000/', { allowed: true, host: '::1' }],
      ['https://cdn.tracker-example.net./x', { allowed: false, rule: 'denied_domain', matched: 'tracker-example.net' }],
      ['https://x.ads-example.com', { allowed: false, rule: 'denied_domain', matched: '*.ads-example.com' }],
      ['https://ads-example.com', { allowed: true, rule: 'default' }],
      ['https://www.lemonde-example.fr', { allowed: true, rule: 'default', category: 'press' }],
    ];
    for (const [url, expected] of table) {
      const answer = await check(url);
      expect({ url, answer }).toEqual({ url, answer: expect.objectContaining(expected) });
      // The same verdict, read from the effective view.
      if (answer.rule === 'category' || answer.rule === 'mandatory_category') {
        expect({ url, category: category(view, answer.category) }).toMatchObject({
          url,
          category: { blocked: true, mandatory: answer.rule === 'mandatory_category' },
        });
      }
      if (answer.rule === 'denied_domain')
        expect(view.domainRules).toContainEqual(expect.objectContaining({ domain: answer.matched, action: 'deny' }));
      if (answer.rule === 'default' && answer.category)
        expect(category(view, answer.category)?.blocked ?? false).toBe(false);
    }
    expect((await town.technician.get(`/api/v1/filtering/check?packId=${packId}&url=http%3A%2F%2F`)).body.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('delivers the filtering to the pack’s iPads through the command pipeline, and again when the policy changes', async () => {
    const token = await issueToken(town.technician, packId);
    const devices = [simulatedDevice(stack, 'ipados'), simulatedDevice(stack, 'ipados')];
    const received: Array<Record<string, any>> = [];
    for (const device of devices)
      device.commandHandlers.set('install_filtering', (command) => void received.push(command.payload!));
    await Promise.all(devices.map((device) => device.enroll(token.token)));
    const first = await Promise.all(devices.map((device) => device.checkIn()));
    const revision = (await effective()).revision;
    for (const outcome of first) expect(outcome.commands.map((command) => command.type)).toContain('install_filtering');
    expect(received[0]).toMatchObject({
      revision,
      encoding: 'base64',
      contentType: 'application/x-apple-aspen-config',
    });
    const profile = appleProfileFromBody(Buffer.from(received[0].body, 'base64'));
    expect(appleSchemaProblems(profile)).toEqual([]);
    const held = await stack.dataSource.query(
      'SELECT revision FROM device_filtering WHERE device_id = ANY($1::uuid[])',
      [devices.map((device) => device.deviceId)],
    );
    expect(held).toEqual([{ revision }, { revision }]);
    expect((await devices[0].checkIn()).commands).toEqual([]);

    const changed = await town.technician.put(`/api/v1/filtering-policies/${policyIds.pack}`, {
      name: 'Pack',
      blockedCategories: ['games', 'press'],
    });
    expect(changed.body.commandsQueued).toBe(2);
    const second = await devices[1].checkIn();
    const newRevision = (await effective()).revision;
    expect(newRevision).not.toBe(revision);
    expect(second.commands.map((command) => [command.type, command.payload?.revision])).toEqual([
      ['install_filtering', newRevision],
    ]);

    // A laptop agent's lookup through the gateway, with the device certificate: its pack's policy answers.
    const transport = (devices[0] as unknown as { transport: { getAuthenticated<T>(route: string): Promise<T> } })
      .transport;
    expect(
      await transport.getAuthenticated(
        `/v1/filtering/check?url=${encodeURIComponent('https://www.lemonde-example.fr')}`,
      ),
    ).toMatchObject({ allowed: false, category: 'press', rule: 'category' });
  });

  it('renders for each platform: Apple within its limits and valid, Chrome’s managed configuration, the agent’s JSON', async () => {
    const apple = (await town.technician.get(`/api/v1/filtering/render?packId=${packId}`)).body;
    const profile = appleProfileFromBody(Buffer.from(apple.body, 'base64'));
    expect(appleSchemaProblems(profile)).toEqual([]);
    expect(profile.PayloadContent[0]).toMatchObject({
      PayloadType: 'com.apple.webcontent-filter',
      FilterType: 'BuiltIn',
      AutoFilterEnabled: true,
      DenyListURLs: ['https://ads-example.com', 'https://tracker-example.net'],
    });
    expect(apple.warnings.join('\n')).toMatch(/AutoFilterEnabled[\s\S]*RPZ/);
    const android = (await town.technician.get(`/api/v1/filtering/render?packId=${packId}&osFamily=android`)).body;
    expect(android.body.applications[0].managedConfiguration).toMatchObject({
      URLBlocklist: ['ads-example.com', 'tracker-example.net'],
      URLAllowlist: ['.ads-example.com'],
      ForceGoogleSafeSearch: true,
      ForceYouTubeRestrict: 2,
    });
    const agent = (await town.technician.get(`/api/v1/filtering/render?packId=${packId}&osFamily=windows`)).body;
    expect(agent.body).toMatchObject({ format: 'socle-filtering/1', mandatoryCategories: ['adult'] });
  });

  it('exports the school’s effective policy as an RPZ zone and an Unbound include', async () => {
    const rpz = await fetchDnsExport(town.technician, schoolId, 'rpz');
    expect(rpz.headers.get('content-disposition')).toMatch(/attachment; filename="socle-\w+\.rpz\.zone"/);
    const zone = rpz.text;
    expect(zone).toContain('$TTL 300');
    for (const line of [
      'xxx-example.com CNAME .',
      '*.xxx-example.com CNAME .',
      'casino-example.fr CNAME .',
      'tracker-example.net CNAME .',
      '*.ads-example.com CNAME .',
      'www.google.com CNAME forcesafesearch.google.com.',
      'www.youtube.com CNAME restrict.youtube.com.',
    ]) {
      expect(zone.split('\n')).toContain(line);
    }
    // games is allowed at the school (the pack's choice is not the resolver's); IPs and URLs cannot be DNS rules.
    expect(zone).not.toContain('jeux-example.fr');
    expect(zone).not.toContain('10.20.30.40 CNAME');
    expect(zone).toMatch(/1 adresse\(s\) IP et 1 URL ignorées/);
    const unbound = (await fetchDnsExport(town.technician, schoolId, 'unbound')).text;
    expect(unbound).toContain('server:\n');
    expect(unbound).toContain('  local-zone: "xn--cole-adulte-99a.fr." always_nxdomain\n');
    expect(unbound).toContain('  local-data: "www.google.com. CNAME forcesafesearch.google.com."\n');
  });

  it('switches to an uploaded list version at once, and keeps it when a malformed archive is sent', async () => {
    const upload = await uploadLists(
      stack.apiUrl,
      platform.token!,
      await listsArchive({ ...LISTS, press: { domains: ['lemonde-example.fr', 'autre-journal.fr'] } }),
    );
    expect(upload.status).toBe(201);
    expect(upload.body).toMatchObject({ activated: true, domains: 7, urls: 1 });
    expect(await check('https://autre-journal.fr')).toMatchObject({ allowed: false, category: 'press' });

    const whole = await listsArchive({
      huge: { domains: Array.from({ length: 20_000 }, (_, index) => `site-${index}.example`) },
    });
    for (const [body, code] of [
      [whole.subarray(0, whole.length >> 1), 'LIST_ARCHIVE_INVALID'],
      [Buffer.from('pas une archive'), 'LIST_ARCHIVE_INVALID'],
      [await listsArchive({}), 'LIST_EMPTY'],
    ] as const) {
      const refused = await uploadLists(stack.apiUrl, platform.token!, body);
      expect(refused).toMatchObject({ status: 422, body: { code } });
      expect(refused.body.message).toContain("La version active des listes n'a pas changé");
    }
    const versions = (await platform.get('/api/v1/filtering/lists')).body.items;
    expect(
      versions.filter((version: { active: boolean }) => version.active).map((version: { id: string }) => version.id),
    ).toEqual([upload.body.versionId]);
    expect(
      versions
        .slice(0, 3)
        .every((version: { status: string; error: string }) => version.status === 'failed' && version.error),
    ).toBe(true);
    expect(await check('https://autre-journal.fr')).toMatchObject({ allowed: false, category: 'press' });
    const [{ count }] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM filtering_list_entries e JOIN filtering_list_versions v ON v.id = e.version_id WHERE v.status = 'failed'`,
    );
    expect(count).toBe(0);
    expect(
      (await town.technician.get('/api/v1/filtering/categories')).body.categories.map(
        (entry: { name: string }) => entry.name,
      ),
    ).toEqual(['adult', 'gambling', 'games', 'press']);

    // The version before is kept: the operator can switch back to it, and forward again.
    const previous = versions.find(
      (version: { status: string; active: boolean }) => version.status === 'ready' && !version.active,
    );
    expect((await platform.post(`/api/v1/filtering/lists/${previous.id}/activate`)).body).toMatchObject({
      id: previous.id,
      active: true,
    });
    expect(await check('https://autre-journal.fr')).toMatchObject({ allowed: true, rule: 'default' });
    await platform.post(`/api/v1/filtering/lists/${upload.body.versionId}/activate`);
    expect(await check('https://autre-journal.fr')).toMatchObject({ allowed: false, category: 'press' });
  });
});
