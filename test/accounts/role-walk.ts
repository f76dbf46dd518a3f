import { randomUUID } from 'node:crypto';
import { ApiClient } from '../support/api-client';

export const ROLES = [
  'platform_admin',
  'collectivite_admin',
  'technician',
  'teacher',
  'school_head',
  'erun',
  'reviewer',
] as const;
export type RoleName = (typeof ROLES)[number];

export interface RouteOperation {
  method: string;
  path: string;
  public: boolean;
}

/** Every operation of the api, from its OpenAPI document (built from Nest's router): a new route is walked too. */
export async function apiOperations(api: ApiClient): Promise<RouteOperation[]> {
  const document = (await api.get('/api/docs-json')).body as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      public: !operation.security?.length,
    })),
  );
}

/** A key for the matrix: `GET /api/v1/schools/{id}`. */
export const operationKey = (operation: RouteOperation) => `${operation.method} ${operation.path}`;

/**
 * Calls one operation as one role, with ids that exist nowhere and an empty body: nothing is
 * changed, and the guard (which runs before any pipe or service) answers for the role alone.
 */
export async function isRefusedByRole(client: ApiClient, operation: RouteOperation): Promise<boolean> {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
    /^(n|v|version|slot)$/.test(name) ? '1' : name === 'serialNumber' ? 'SERIE-INCONNUE' : randomUUID(),
  );
  const answer = await client.request<any>(
    operation.method,
    path,
    operation.method === 'GET' || operation.method === 'DELETE' ? undefined : {},
  );
  if (answer.status === 401) throw new Error(`${operationKey(operation)}: 401 ${JSON.stringify(answer.body)}`);
  return answer.status === 403 && ['ROLE_FORBIDDEN', 'TENANT_REQUIRED'].includes(answer.body?.code);
}
