import { writeFileSync } from 'node:fs';
import { ApiClient } from '../support/api-client';
import { createSchool, createTenant, expectCreated, login, operator } from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';
import { ROLE_MATRIX } from './role-matrix';
import { apiOperations, isRefusedByRole, operationKey, RoleName, ROLES } from './role-walk';

/**
 * Every route of the api × every role: allowed, or refused by the guard (403 ROLE_FORBIDDEN /
 * TENANT_REQUIRED). The routes come from the OpenAPI document, so a route added without a line in
 * role-matrix.ts (and in the README's table) fails here.
 */
describe('Roles × routes', () => {
  let stack: TestStack;
  const clients = {} as Record<RoleName, ApiClient>;

  beforeAll(async () => {
    stack = await startStack();
    stack.config.publicUrl = stack.apiUrl;
    const town = await createTenant(stack);
    const school = await createSchool(town.technician);
    clients.platform_admin = await operator(stack);
    clients.collectivite_admin = town.admin;
    clients.technician = town.technician;
    for (const role of ['teacher', 'school_head', 'erun', 'reviewer'] as const) {
      const email = `${role}-${Date.now()}@ville.test`;
      expectCreated(
        await town.admin.post(`/api/v1/collectivites/${town.collectiviteId}/users`, {
          email,
          password: 'mot-de-passe-solide',
          role,
          schoolIds: role === 'reviewer' ? undefined : [school.id],
        }),
        role,
      );
      clients[role] = await login(stack.api, email, 'mot-de-passe-solide');
    }
  });
  afterAll(() => stack.close());

  it('walks every route with every role and finds exactly the rights of the table', async () => {
    const operations = (await apiOperations(stack.api)).sort((a, b) =>
      // Logging out ends the walker's token: last.
      a.path.endsWith('/auth/logout') ? 1 : b.path.endsWith('/auth/logout') ? -1 : 0,
    );
    expect(operations.length).toBeGreaterThan(90);
    const observed: Record<string, string> = {};
    for (const operation of operations) {
      const anonymous = await stack.api.request<any>(operation.method, operation.path.replace(/\{[^}]+\}/g, '1'));
      if (anonymous.status !== 401) {
        observed[operationKey(operation)] = 'public';
        continue;
      }
      const refused = await Promise.all(ROLES.map((role) => isRefusedByRole(clients[role], operation)));
      const allowed = ROLES.filter((_, index) => !refused[index]);
      observed[operationKey(operation)] = allowed.length === ROLES.length ? 'everyone signed in' : allowed.join(', ');
    }
    if (process.env.SOCLE_WRITE_ROLE_MATRIX)
      writeFileSync(process.env.SOCLE_WRITE_ROLE_MATRIX, JSON.stringify(observed, null, 2));
    expect(observed).toEqual(ROLE_MATRIX);
  }, 600_000);
});
