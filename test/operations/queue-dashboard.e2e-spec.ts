import { ApiClient } from '../support/api-client';
import { createTenant, operator, Tenant } from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

/** Issue 10: the BullMQ dashboard, for the platform admin alone, openable from a browser (which sends no bearer). */
describe('Queue dashboard at /api/admin/queues', () => {
  let stack: TestStack;
  let platform: ApiClient;
  let town: Tenant;

  beforeAll(async () => {
    stack = await startStack();
    [platform, town] = await Promise.all([operator(stack), createTenant(stack)]);
  });
  afterAll(() => stack.close());

  const dashboard = (path = '/api/admin/queues', headers: Record<string, string> = {}) =>
    fetch(`${stack.apiUrl}${path}`, { headers, redirect: 'manual' });

  it('answers 401 without a token and 403 to a technician, a collectivité admin, or their cookie', async () => {
    const anonymous = await dashboard();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'UNAUTHENTICATED' });
    for (const client of [town.technician, town.admin]) {
      const refused = await dashboard('/api/admin/queues', { authorization: `Bearer ${client.token}` });
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: 'ROLE_FORBIDDEN' });
      expect((await dashboard('/api/admin/queues/api/queues', { cookie: `socle_queues=${client.token}` })).status).toBe(
        403,
      );
      expect((await client.post('/api/v1/admin/queues/session')).status).toBe(403);
    }
    expect((await dashboard('/api/admin/queues', { cookie: 'socle_queues=pas-un-jeton' })).status).toBe(401);
  });

  it('lets the platform admin open it in a browser with the cookie the API sets, read-only', async () => {
    const opened = await platform.post('/api/v1/admin/queues/session');
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ url: '/api/admin/queues/', expiresAt: expect.any(String) });
    const setCookie = opened.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^socle_queues=[^;]+; Path=\/api\/admin\/queues; Max-Age=\d+; HttpOnly; SameSite=Strict/);
    const cookie = setCookie.split(';')[0];

    const page = await dashboard('/api/admin/queues/', { cookie });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    const queues = await dashboard('/api/admin/queues/api/queues', { cookie });
    expect(queues.status).toBe(200);
    const body = (await queues.json()) as { queues: Array<{ name: string; readOnlyMode: boolean }> };
    expect(body.queues.map((queue) => queue.name).sort()).toEqual(['delivery', 'maintenance', 'sessions']);
    expect(body.queues.every((queue) => queue.readOnlyMode)).toBe(true);
    // Read-only: the dashboard's own actions are refused.
    const retry = await fetch(`${stack.apiUrl}/api/admin/queues/api/queues/delivery/retry/failed`, {
      method: 'PUT',
      headers: { cookie },
    });
    expect(retry.status).toBeGreaterThanOrEqual(400);
    // The bearer works as well, for scripts.
    expect(
      (await dashboard('/api/admin/queues/api/queues', { authorization: `Bearer ${platform.token}` })).status,
    ).toBe(200);
  });
});
