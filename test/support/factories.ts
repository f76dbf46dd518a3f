import { randomBytes, randomInt } from 'node:crypto';
import { DeviceKeyPair, generateDeviceKeyPair, SimulatedDevice } from '@socle/agent';
import type { OsFamily } from '@socle/fleet';
import { uaiCheckLetter } from '@socle/tenancy';
import { ApiClient } from './api-client';
import { PLATFORM_ADMIN, TestStack } from './test-stack';

export interface Tenant {
  collectiviteId: string;
  admin: ApiClient;
  technician: ApiClient;
  adminEmail: string;
}

const unique = () => randomBytes(4).toString('hex');
const operators = new WeakMap<TestStack, Promise<ApiClient>>();

export async function login(api: ApiClient, email: string, password: string): Promise<ApiClient> {
  const response = await api.post('/api/v1/auth/login', { email, password });
  if (response.status !== 200) throw new Error(`login ${email}: ${response.status} ${JSON.stringify(response.body)}`);
  return api.as(response.body.accessToken);
}

/** The operator logs in once per stack: login is rate-limited, like for everyone. */
export async function operator(stack: TestStack): Promise<ApiClient> {
  if (!operators.has(stack)) operators.set(stack, login(stack.api, PLATFORM_ADMIN.email, PLATFORM_ADMIN.password));
  return operators.get(stack)!;
}

export function expectCreated<T = any>(response: { status: number; body: T }, what: string): T {
  if (response.status !== 201 && response.status !== 200)
    throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A collectivité with its administrator and one technician, each signed in. */
export async function createTenant(stack: TestStack, name = `Commune ${unique()}`): Promise<Tenant> {
  const platform = await operator(stack);
  const collectivite = expectCreated(
    await platform.post('/api/v1/collectivites', { name, kind: 'commune' }),
    'collectivite',
  );
  const password = 'mot-de-passe-solide';
  const adminEmail = `admin-${unique()}@ville.test`;
  expectCreated(
    await platform.post(`/api/v1/collectivites/${collectivite.id}/users`, {
      email: adminEmail,
      password,
      role: 'collectivite_admin',
    }),
    'admin',
  );
  const admin = await login(stack.api, adminEmail, password);
  const technicianEmail = `tech-${unique()}@ville.test`;
  expectCreated(
    await admin.post(`/api/v1/collectivites/${collectivite.id}/users`, {
      email: technicianEmail,
      password,
      role: 'technician',
    }),
    'technician',
  );
  return {
    collectiviteId: collectivite.id,
    admin,
    technician: await login(stack.api, technicianEmail, password),
    adminEmail,
  };
}

export async function createTeacher(stack: TestStack, tenant: Tenant, schoolIds: string[]): Promise<ApiClient> {
  const email = `prof-${unique()}@ecole.test`;
  expectCreated(
    await tenant.admin.post(`/api/v1/collectivites/${tenant.collectiviteId}/users`, {
      email,
      password: 'mot-de-passe-solide',
      role: 'teacher',
      schoolIds,
    }),
    'teacher',
  );
  return login(stack.api, email, 'mot-de-passe-solide');
}

export function randomUai(): string {
  const digits = String(randomInt(0, 10_000_000)).padStart(7, '0');
  return `${digits}${uaiCheckLetter(digits)}`;
}

export async function createSchool(technician: ApiClient, classCount = 8) {
  return expectCreated(
    await technician.post('/api/v1/schools', {
      uai: randomUai(),
      name: `École ${unique()}`,
      classCount,
      bandwidthMbps: 10,
    }),
    'school',
  );
}

export async function createPack(
  technician: ApiClient,
  schoolId: string,
  osFamily: OsFamily = 'ipados',
  capacity: 10 | 12 | 15 = 15,
) {
  const deviceKind = ['ipados', 'android'].includes(osFamily) ? 'tablet' : 'laptop';
  return expectCreated(
    await technician.post('/api/v1/packs', { schoolId, name: `Pack ${unique()}`, deviceKind, osFamily, capacity }),
    'pack',
  );
}

export async function issueToken(
  technician: ApiClient,
  packId: string,
  body: { expiresInHours?: number; maxUses?: number } = {},
) {
  return expectCreated(await technician.post(`/api/v1/packs/${packId}/enrollment-tokens`, body), 'token');
}

export function simulatedDevice(
  stack: TestStack,
  osFamily: OsFamily = 'ipados',
  serialNumber = `SIM-${unique()}`,
): SimulatedDevice {
  return new SimulatedDevice({
    gatewayUrl: stack.gatewayUrl,
    trustedCaPem: stack.rootCaPem,
    osFamily,
    deviceKind: ['ipados', 'android'].includes(osFamily) ? 'tablet' : 'laptop',
    serialNumber,
    model: osFamily === 'ipados' ? 'iPad 10.9' : 'Tablette Android 10"',
    osVersion: '18.1',
    log: () => undefined,
  });
}

export async function createClassroom(technician: ApiClient, schoolId: string, name = 'CM1 A') {
  return expectCreated(
    await technician.post(`/api/v1/schools/${schoolId}/classrooms`, { name, level: 'CM1' }),
    'classroom',
  );
}

let packKey: Promise<DeviceKeyPair> | undefined;

/**
 * A pack of `count` iPads enrolled through the real gateway (one RSA key shared by the simulated
 * tablets), each checked in once; `positionOf` says which number in the pack each one got.
 */
export async function enrollPack(
  stack: TestStack,
  technician: ApiClient,
  schoolId: string,
  count: number,
  capacity: 10 | 12 | 15 = 10,
) {
  const pack = await createPack(technician, schoolId, 'ipados', capacity);
  const token = (await issueToken(technician, pack.id)).token;
  packKey ??= generateDeviceKeyPair();
  const keyPair = await packKey;
  const devices: SimulatedDevice[] = [];
  for (let index = 0; index < count; index++) {
    const device = simulatedDevice(stack, 'ipados');
    await device.enroll(token, keyPair);
    devices.push(device);
  }
  await Promise.all(devices.map((device) => device.checkIn()));
  const detail = (await technician.get(`/api/v1/packs/${pack.id}`)).body as {
    devices: Array<{ id: string; positionInPack: number }>;
  };
  const positions = new Map(detail.devices.map((device) => [device.id, device.positionInPack]));
  return { pack, devices, positionOf: (device: SimulatedDevice) => positions.get(device.deviceId!)! };
}
