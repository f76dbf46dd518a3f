import { randomBytes } from 'node:crypto';
import { ApiClient } from '../../../../test/support/api-client';
import { expectCreated, login, Tenant } from '../../../../test/support/factories';
import { TestStack } from '../../../../test/support/test-stack';

export const PASSWORD = 'mot-de-passe-solide';

/** An account of the tenant whose password the browser types. */
export async function person(
  stack: TestStack,
  tenant: Tenant,
  role: 'teacher' | 'technician' | 'collectivite_admin',
  schoolIds: string[] = [],
): Promise<{ email: string; api: ApiClient }> {
  const email = `${role}-${randomBytes(4).toString('hex')}@ville.test`;
  expectCreated(
    await tenant.admin.post(`/api/v1/collectivites/${tenant.collectiviteId}/users`, {
      email,
      password: PASSWORD,
      role,
      ...(role === 'teacher' ? { schoolIds } : {}),
    }),
    role,
  );
  return { email, api: await login(stack.api, email, PASSWORD) };
}
