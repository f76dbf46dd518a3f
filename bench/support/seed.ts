import { randomInt } from 'node:crypto';
import { DataSource } from 'typeorm';
import { hashEnrollmentToken, newEnrollmentTokenSecret } from '@socle/enrollment';
import { uaiCheckLetter } from '@socle/tenancy';
import { OPERATOR } from './bench-stack';

const PACK_SIZE = 15;
const PASSWORD = 'mot-de-passe-de-bench';

export interface BenchTenant {
  collectiviteId: string;
  schoolId: string;
  /** Bearer token of a technician of the collectivité. */
  technician: string;
}

/** Calls the api as a console would; throws with the body on anything but 2xx. */
export async function call<T = any>(
  apiUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(`${apiUrl}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A collectivité, a technician and one school, through the api (a handful of calls, not timed). */
export async function createBenchTenant(apiUrl: string): Promise<BenchTenant> {
  const login = async (email: string, password: string) =>
    (await call(apiUrl, 'POST', '/api/v1/auth/login', undefined, { email, password })).accessToken as string;
  const operator = await login(OPERATOR.email, OPERATOR.password);
  const collectivite = await call(apiUrl, 'POST', '/api/v1/collectivites', operator, {
    name: 'Communauté de communes du banc',
    kind: 'epci',
  });
  const adminEmail = 'admin@banc.socle.test';
  await call(apiUrl, 'POST', `/api/v1/collectivites/${collectivite.id}/users`, operator, {
    email: adminEmail,
    password: PASSWORD,
    role: 'collectivite_admin',
  });
  const admin = await login(adminEmail, PASSWORD);
  await call(apiUrl, 'POST', `/api/v1/collectivites/${collectivite.id}/users`, admin, {
    email: 'tech@banc.socle.test',
    password: PASSWORD,
    role: 'technician',
  });
  const technician = await login('tech@banc.socle.test', PASSWORD);
  const digits = String(randomInt(0, 10_000_000)).padStart(7, '0');
  const school = await call(apiUrl, 'POST', '/api/v1/schools', technician, {
    uai: `${digits}${uaiCheckLetter(digits)}`,
    name: 'Groupe scolaire du banc',
    classCount: 40,
  });
  return { collectiviteId: collectivite.id, schoolId: school.id, technician };
}

/** `count` packs of 15 iPads, set-based; returns their ids in creation order. */
export async function seedPacks(
  dataSource: DataSource,
  tenant: BenchTenant,
  count: number,
  namePrefix: string,
): Promise<string[]> {
  const rows: Array<{ id: string }> = await dataSource.query(
    `INSERT INTO packs (collectivite_id, school_id, name, device_kind, os_family, capacity)
     SELECT $1, $2, $3 || n, 'tablet', 'ipados', ${PACK_SIZE} FROM generate_series(1, $4::int) AS n RETURNING id`,
    [tenant.collectiviteId, tenant.schoolId, namePrefix, count],
  );
  return rows.map((row) => row.id);
}

/** `count` active iPads filling the packs in order, in one statement: what an enrolled fleet looks like to the convergence. */
export async function seedDevices(
  dataSource: DataSource,
  tenant: BenchTenant,
  packIds: readonly string[],
  count: number,
): Promise<void> {
  await dataSource.query(
    `INSERT INTO devices (collectivite_id, serial_number, model, os_family, os_version, device_kind, state, pack_id, pack_capacity, position_in_pack, enrolled_at, last_checkin_at)
     SELECT $1, 'BENCH-' || lpad(n::text, 6, '0'), 'iPad 10.9', 'ipados', '18.1', 'tablet', 'active',
            ($2::uuid[])[(n - 1) / ${PACK_SIZE} + 1], ${PACK_SIZE}, (n - 1) % ${PACK_SIZE} + 1, now(), now()
       FROM generate_series(1, $3::int) AS n`,
    [tenant.collectiviteId, packIds, count],
  );
}

/** One enrollment token per pack, written directly (the api would also render a QR code for each). */
export async function seedTokens(
  dataSource: DataSource,
  tenant: BenchTenant,
  packIds: readonly string[],
): Promise<string[]> {
  const tokens = packIds.map(() => newEnrollmentTokenSecret());
  await dataSource.query(
    `INSERT INTO enrollment_tokens (collectivite_id, pack_id, token_hash, expires_at, max_uses)
     SELECT $1, pack_id, token_hash, now() + interval '1 day', ${PACK_SIZE} FROM unnest($2::uuid[], $3::bytea[]) AS t(pack_id, token_hash)`,
    [tenant.collectiviteId, packIds, tokens.map(hashEnrollmentToken)],
  );
  return tokens;
}

export const packsFor = (devices: number) => Math.ceil(devices / PACK_SIZE);
