import { ApiClient } from '../support/api-client';
import { createPack, createSchool, createTenant, issueToken, Tenant } from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

/**
 * Every admin route added by the backbone, swept twice: with another collectivité's ids (403/404,
 * no data) and with garbage bodies (400 VALIDATION_FAILED, nothing written).
 */
describe('Every route against another tenant and against garbage', () => {
  let stack: TestStack;
  let town: Tenant;
  let intruder: Tenant;
  let ids: { schoolId: string; packId: string; deviceId: string; tokenId: string };
  let secretNames: string[];

  beforeAll(async () => {
    stack = await startStack();
    [town, intruder] = await Promise.all([createTenant(stack), createTenant(stack)]);
    const school = await createSchool(town.technician);
    const pack = await createPack(town.technician, school.id);
    const token = await issueToken(town.technician, pack.id);
    const csv = 'serialNumber,model,osFamily,deviceKind\nSECRET-SERIAL-1,iPad,ipados,tablet\n';
    await town.technician.post('/api/v1/devices/import', csv, 'text/csv');
    const [device] = await stack.dataSource.query('SELECT id FROM devices WHERE collectivite_id = $1', [
      town.collectiviteId,
    ]);
    ids = { schoolId: school.id, packId: pack.id, deviceId: device.id, tokenId: token.id };
    secretNames = [school.name, pack.name, 'SECRET-SERIAL-1', school.uai];
  });
  afterAll(() => stack.close());

  const crossTenantCalls = (): Array<[string, (client: ApiClient) => Promise<{ status: number; body: unknown }>]> => [
    ['GET school', (client) => client.get(`/api/v1/schools/${ids.schoolId}`)],
    ['GET classrooms', (client) => client.get(`/api/v1/schools/${ids.schoolId}/classrooms`)],
    [
      'POST classroom',
      (client) => client.post(`/api/v1/schools/${ids.schoolId}/classrooms`, { name: 'Intrus', level: 'CP' }),
    ],
    [
      'POST pack in school',
      (client) =>
        client.post('/api/v1/packs', {
          schoolId: ids.schoolId,
          name: 'Intrus',
          deviceKind: 'tablet',
          osFamily: 'ipados',
          capacity: 10,
        }),
    ],
    ['GET pack', (client) => client.get(`/api/v1/packs/${ids.packId}`)],
    ['PATCH pack', (client) => client.patch(`/api/v1/packs/${ids.packId}`, { name: 'Volé' })],
    ['GET packs of school', (client) => client.get(`/api/v1/packs?schoolId=${ids.schoolId}`)],
    ['POST token', (client) => client.post(`/api/v1/packs/${ids.packId}/enrollment-tokens`, {})],
    ['GET tokens', (client) => client.get(`/api/v1/packs/${ids.packId}/enrollment-tokens`)],
    ['DELETE token', (client) => client.delete(`/api/v1/packs/${ids.packId}/enrollment-tokens/${ids.tokenId}`)],
    ['GET device', (client) => client.get(`/api/v1/devices/${ids.deviceId}`)],
    ['GET devices of pack', (client) => client.get(`/api/v1/devices?packId=${ids.packId}`)],
    ['GET devices of school', (client) => client.get(`/api/v1/devices?schoolId=${ids.schoolId}`)],
    [
      'POST user in collectivité',
      (client) =>
        client.post(`/api/v1/collectivites/${town.collectiviteId}/users`, {
          email: 'intrus@x.test',
          password: 'mot-de-passe-solide',
          role: 'technician',
        }),
    ],
  ];

  it.each(['technician', 'admin'] as const)(
    'answers another collectivité’s %s with 403/404 or an empty list, never its data',
    async (role) => {
      const before = await snapshot(stack);
      for (const [name, call] of crossTenantCalls()) {
        const response = await call(intruder[role]);
        const text = JSON.stringify(response.body);
        for (const secret of secretNames)
          expect({ name, leaked: text.includes(secret) }).toEqual({ name, leaked: false });
        if (response.status === 200) {
          expect({ name, items: (response.body as { items: unknown[] }).items }).toEqual({ name, items: [] });
        } else {
          expect({ name, status: [403, 404].includes(response.status) }).toEqual({ name, status: true });
        }
      }
      expect(await snapshot(stack)).toEqual(before);
    },
  );

  const garbageBodies: unknown[] = [
    {},
    [],
    'pas du json',
    { collectiviteId: '00000000-0000-4000-8000-000000000000' },
    { role: 'platform_admin' },
    { name: 42, capacity: 'quinze', uai: ['0750655E'], schoolId: 'not-a-uuid', level: null },
    { name: 'x'.repeat(10_000) },
  ];

  const bodyRoutes = (): Array<[string, string, string, Record<string, unknown>]> => [
    ['POST', '/api/v1/collectivites', 'operator', { name: 'Ville', kind: 'commune' }],
    [
      'POST',
      `/api/v1/collectivites/${town.collectiviteId}/users`,
      'admin',
      { email: 'ok@ville.test', password: 'mot-de-passe-solide', role: 'technician' },
    ],
    ['POST', '/api/v1/schools', 'technician', { uai: '0750655E', name: 'École', classCount: 4 }],
    ['POST', `/api/v1/schools/${ids.schoolId}/classrooms`, 'technician', { name: 'CP', level: 'CP' }],
    [
      'POST',
      '/api/v1/packs',
      'technician',
      { schoolId: ids.schoolId, name: 'P', deviceKind: 'tablet', osFamily: 'ipados', capacity: 10 },
    ],
    ['PATCH', `/api/v1/packs/${ids.packId}`, 'technician', { name: 'P2' }],
    ['POST', `/api/v1/packs/${ids.packId}/enrollment-tokens`, 'technician', { maxUses: 3 }],
    ['POST', '/api/v1/auth/login', 'anonymous', { email: 'a@b.test', password: 'x' }],
  ];

  it('answers garbage on every body route with 400 VALIDATION_FAILED and writes nothing', async () => {
    const { operator } = await import('../support/factories');
    const clients: Record<string, ApiClient> = {
      operator: await operator(stack),
      admin: town.admin,
      technician: town.technician,
      anonymous: stack.api,
    };
    const allOptional = new Set([`/api/v1/packs/${ids.packId}`, `/api/v1/packs/${ids.packId}/enrollment-tokens`]);
    const before = await snapshot(stack);
    for (const [method, path, who, valid] of bodyRoutes()) {
      const bodies = [
        ...garbageBodies,
        { ...valid, unexpected: true },
        { ...valid, collectiviteId: intruder.collectiviteId },
      ];
      for (const body of bodies) {
        if (allOptional.has(path) && JSON.stringify(body) === '{}') continue; // every field is optional there
        const response = await clients[who].request<{ code: string }>(method, path, body);
        expect({ method, path, body, status: response.status, code: response.body?.code }).toEqual({
          method,
          path,
          body,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
    }
    expect(await snapshot(stack)).toEqual(before);
  });

  it('answers a malformed id with 400 VALIDATION_FAILED', async () => {
    for (const path of ['/api/v1/schools/123', '/api/v1/packs/abc', '/api/v1/devices/%27%20OR%201=1']) {
      const response = await town.technician.get(path);
      expect({ path, status: response.status, code: response.body.code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });
});

async function snapshot(stack: TestStack): Promise<Record<string, number>> {
  const tables = ['collectivites', 'users', 'schools', 'classrooms', 'packs', 'devices', 'enrollment_tokens'];
  const counts = await Promise.all(
    tables.map(async (table) => [
      table,
      (await stack.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n,
    ]),
  );
  const [{ tokens }] = await stack.dataSource.query(
    'SELECT count(*) FILTER (WHERE revoked_at IS NOT NULL)::int AS tokens FROM enrollment_tokens',
  );
  const [{ names }] = await stack.dataSource.query("SELECT string_agg(name, ',' ORDER BY id) AS names FROM packs");
  return Object.fromEntries([...counts, ['revokedTokens', tokens], ['packNamesHash', String(names ?? '').length]]);
}
