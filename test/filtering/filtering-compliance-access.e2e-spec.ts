import { get } from 'node:https';
import { ApiClient } from '../support/api-client';
import {
  createPack,
  createSchool,
  createTeacher,
  createTenant,
  expectCreated,
  operator,
  Tenant,
} from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

/**
 * Every route issue 4 added, swept with another collectivité's ids (403/404 or empty, never its
 * data, nothing written) and with garbage (400 VALIDATION_FAILED, nothing written).
 */
describe('Filtering and compliance routes against another tenant and against garbage', () => {
  let stack: TestStack;
  let town: Tenant;
  let intruder: Tenant;
  let ids: { schoolId: string; packId: string; policyId: string; assignmentId: string; profileId: string };
  let secrets: string[];

  beforeAll(async () => {
    stack = await startStack();
    [town, intruder] = await Promise.all([createTenant(stack), createTenant(stack)]);
    const school = await createSchool(town.technician);
    const pack = await createPack(town.technician, school.id, 'android', 10);
    const policy = expectCreated(
      await town.technician.post('/api/v1/filtering-policies', {
        name: 'Politique-Secrète',
        deniedDomains: ['domaine-secret.fr'],
      }),
      'policy',
    );
    const assignment = expectCreated(
      await town.technician.post(`/api/v1/filtering-policies/${policy.id}/assignments`, { schoolId: school.id }),
      'assignment',
    );
    const profile = expectCreated(await town.technician.post('/api/v1/profiles', { name: 'Profil-Secret' }), 'profile');
    ids = {
      schoolId: school.id,
      packId: pack.id,
      policyId: policy.id,
      assignmentId: assignment.id,
      profileId: profile.id,
    };
    secrets = ['Politique-Secrète', 'domaine-secret.fr', school.name, school.uai, pack.name];
  });
  afterAll(() => stack.close());

  const calls = (): Array<[string, (client: ApiClient) => Promise<{ status: number; body: unknown }>]> => [
    ['GET policy', (client) => client.get(`/api/v1/filtering-policies/${ids.policyId}`)],
    ['GET policies', (client) => client.get('/api/v1/filtering-policies')],
    ['PUT policy', (client) => client.request('PUT', `/api/v1/filtering-policies/${ids.policyId}`, { name: 'Volée' })],
    ['DELETE policy', (client) => client.delete(`/api/v1/filtering-policies/${ids.policyId}`)],
    ['GET assignments', (client) => client.get(`/api/v1/filtering-policies/${ids.policyId}/assignments`)],
    [
      'POST assignment of their policy',
      (client) =>
        client.post(`/api/v1/filtering-policies/${ids.policyId}/assignments`, {
          collectiviteId: intruder.collectiviteId,
        }),
    ],
    [
      'DELETE assignment',
      (client) => client.delete(`/api/v1/filtering-policies/${ids.policyId}/assignments/${ids.assignmentId}`),
    ],
    ['GET effective of pack', (client) => client.get(`/api/v1/filtering/effective?packId=${ids.packId}`)],
    ['GET effective of school', (client) => client.get(`/api/v1/filtering/effective?schoolId=${ids.schoolId}`)],
    ['GET check', (client) => client.get(`/api/v1/filtering/check?packId=${ids.packId}&url=domaine-secret.fr`)],
    ['GET render', (client) => client.get(`/api/v1/filtering/render?packId=${ids.packId}`)],
    ['GET rpz', (client) => client.get(`/api/v1/filtering/exports/${ids.schoolId}/rpz`)],
    ['GET unbound', (client) => client.get(`/api/v1/filtering/exports/${ids.schoolId}/unbound`)],
    ['GET compliance of pack', (client) => client.get(`/api/v1/compliance/devices?packId=${ids.packId}`)],
    ['GET compliance of school', (client) => client.get(`/api/v1/compliance/devices?schoolId=${ids.schoolId}`)],
    ['GET compliance summary', (client) => client.get(`/api/v1/compliance/summary?schoolId=${ids.schoolId}`)],
    [
      'PUT rules requiring their profile',
      (client) => client.request('PUT', '/api/v1/compliance/rules', { requiredProfileIds: [ids.profileId] }),
    ],
    ['POST lists', (client) => client.post('/api/v1/filtering/lists', 'x', 'application/gzip')],
    ['GET lists', (client) => client.get('/api/v1/filtering/lists')],
  ];

  it.each(['technician', 'admin'] as const)(
    'answers another collectivité’s %s with 403/404 or an empty list, never its data',
    async (role) => {
      const before = await snapshot(stack, [town.collectiviteId, intruder.collectiviteId]);
      for (const [name, call] of calls()) {
        const response = await call(intruder[role]);
        const text = JSON.stringify(response.body);
        for (const secret of secrets) expect({ name, leaked: text.includes(secret) }).toEqual({ name, leaked: false });
        if (response.status === 200)
          expect({ name, items: (response.body as { items: unknown[] }).items }).toEqual({ name, items: [] });
        else expect({ name, status: [403, 404].includes(response.status) }).toEqual({ name, status: true });
      }
      expect(await snapshot(stack, [town.collectiviteId, intruder.collectiviteId])).toEqual(before);
    },
  );

  it('lets a teacher check URLs only for the packs of their schools, and nothing else', async () => {
    const teacher = await createTeacher(stack, town, []);
    expect((await teacher.get(`/api/v1/filtering/check?packId=${ids.packId}&url=x.fr`)).status).toBe(404);
    expect((await teacher.get(`/api/v1/filtering/effective?packId=${ids.packId}`)).status).toBe(403);
    const own = await createTeacher(stack, town, [ids.schoolId]);
    expect(
      (await own.get(`/api/v1/filtering/check?packId=${ids.packId}&url=https://www.domaine-secret.fr`)).body,
    ).toMatchObject({ allowed: false, rule: 'denied_domain' });
  });

  const garbage: unknown[] = [
    {},
    [],
    'pas du json',
    { name: 42 },
    { name: 'x'.repeat(101) },
    { name: 'P', unexpected: true },
    { name: 'P', collectiviteId: '00000000-0000-4000-8000-000000000000' },
    { name: 'P', blockedCategories: 'adult' },
    { name: 'P', blockedCategories: ['Adult Content!'] },
    { name: 'P', deniedDomains: ['https://x.fr/page'] },
    { name: 'P', deniedDomains: ['fr'] },
    { name: 'P', allowedDomains: ['*'] },
    { name: 'P', allowListOnly: 'oui' },
    { name: 'P', safeSearch: { google: 'yes' } },
    { name: 'P', safeSearch: { youtube: 'max' } },
    { name: 'P', safeSearch: { duckduckgo: true } },
    { name: 'P', deniedDomains: Array.from({ length: 5001 }, (_, i) => `d${i}.fr`) },
    { name: 'P', deniedDomains: ['a.fr'], allowedDomains: ['A.FR.'] },
  ];

  it('answers garbage on every body and query with 400 VALIDATION_FAILED, and writes nothing', async () => {
    const before = await snapshot(stack, [town.collectiviteId, intruder.collectiviteId]);
    const routes: Array<[string, string, unknown[]]> = [
      ['POST', '/api/v1/filtering-policies', garbage],
      ['PUT', `/api/v1/filtering-policies/${ids.policyId}`, garbage],
      [
        'POST',
        `/api/v1/filtering-policies/${ids.policyId}/assignments`,
        [
          {},
          [],
          { packId: 'abc' },
          { schoolId: ids.schoolId, packId: ids.packId },
          { collectiviteId: null },
          { schoolId: ids.schoolId, extra: 1 },
        ],
      ],
    ];
    for (const [method, path, bodies] of routes) {
      for (const body of bodies) {
        const response = await town.technician.request<{ code: string }>(method, path, body);
        expect({ method, path, body, status: response.status, code: response.body?.code }).toEqual({
          method,
          path,
          body,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
    }
    for (const path of [
      '/api/v1/filtering/effective',
      `/api/v1/filtering/effective?packId=${ids.packId}&schoolId=${ids.schoolId}`,
      '/api/v1/filtering/effective?packId=1',
      `/api/v1/filtering/check?packId=${ids.packId}`,
      `/api/v1/filtering/check?packId=${ids.packId}&url=`,
      `/api/v1/filtering/check?packId=${ids.packId}&url=http%3A%2F%2F%5B%3A%3A`,
      `/api/v1/filtering/render?packId=${ids.packId}&osFamily=symbian`,
      '/api/v1/filtering/render',
      '/api/v1/filtering-policies/123',
      '/api/v1/filtering/exports/abc/rpz',
      '/api/v1/compliance/devices?compliant=peut-etre',
      '/api/v1/compliance/devices?packId=x',
    ]) {
      const response = await town.technician.get(path);
      expect({ path, status: response.status, code: response.body.code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await snapshot(stack, [town.collectiviteId, intruder.collectiviteId])).toEqual(before);
  });

  it('keeps list imports to the operator, and the device-side check to enrolled devices', async () => {
    const platform = await operator(stack);
    expect((await town.admin.post('/api/v1/filtering/lists', 'x', 'application/gzip')).status).toBe(403);
    expect((await platform.post('/api/v1/filtering/lists', '{}')).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect((await platform.get('/api/v1/filtering/lists/00000000-0000-4000-8000-000000000000')).body.code).toBe(
      'LIST_VERSION_NOT_FOUND',
    );
    expect((await platform.post('/api/v1/filtering/lists/00000000-0000-4000-8000-000000000000/activate')).status).toBe(
      404,
    );
    const anonymous = await getWithoutCertificate(`${stack.gatewayUrl}/v1/filtering/check?url=x.fr`, stack.rootCaPem);
    expect(anonymous).toMatchObject({ status: 401 });
    expect((await town.technician.delete(`/api/v1/filtering-policies/${ids.policyId}`)).body.code).toBe(
      'FILTERING_POLICY_ASSIGNED',
    );
    const unused = expectCreated(
      await town.technician.post('/api/v1/filtering-policies', { name: 'Inutile' }),
      'policy',
    );
    expect((await town.technician.delete(`/api/v1/filtering-policies/${unused.id}`)).status).toBe(204);
    expect((await town.technician.get(`/api/v1/filtering-policies/${unused.id}`)).body.code).toBe(
      'FILTERING_POLICY_NOT_FOUND',
    );
  });
});

function getWithoutCertificate(url: string, ca: string): Promise<{ status: number }> {
  return new Promise((resolve, reject) =>
    get(url, { ca }, (response) => {
      response.resume();
      resolve({ status: response.statusCode ?? 0 });
    }).on('error', reject),
  );
}

/** Only the two collectivités' rows: other suites may run at the same time on the same database. */
async function snapshot(stack: TestStack, tenants: string[]): Promise<Record<string, unknown>> {
  const tables = [
    'filtering_policies',
    'filtering_assignments',
    'compliance_rules',
    'device_commands',
    'audit_entries',
  ];
  const counts = await Promise.all(
    tables.map(async (table) => [
      table,
      (
        await stack.dataSource.query(
          `SELECT count(*)::int AS n FROM ${table} WHERE collectivite_id = ANY($1::uuid[])`,
          [tenants],
        )
      )[0].n,
    ]),
  );
  const [{ content }] = await stack.dataSource.query(
    `SELECT string_agg(name || denied_domains::text || allowed_categories::text, ',' ORDER BY id) AS content FROM filtering_policies WHERE collectivite_id = ANY($1::uuid[])`,
    [tenants],
  );
  return Object.fromEntries([...counts, ['content', content]]);
}
