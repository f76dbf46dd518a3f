import { DeviceKeyPair, forEachWithConcurrency, generateDeviceKeyPair, SimulatedDevice } from '@socle/agent';
import { hashEnrollmentToken, newEnrollmentTokenSecret } from '@socle/enrollment';
import { createSchool, simulatedDevice, Tenant } from './factories';
import { TestStack } from './test-stack';

/** One key for every simulated device of a run: enrolling a thousand must not cost a thousand RSA keys. */
let sharedKey: Promise<DeviceKeyPair> | undefined;
export function sharedDeviceKey(): Promise<DeviceKeyPair> {
  sharedKey ??= generateDeviceKeyPair();
  return sharedKey;
}

/**
 * Packs of 15 in one school, each with an enrollment token, written with two set-based statements:
 * issuing tokens through the API renders a QR code PNG each, which under Jest costs about a second.
 */
export async function seedPacksWithTokens(
  stack: TestStack,
  tenant: Tenant,
  packCount: number,
): Promise<Array<{ packId: string; token: string }>> {
  const schoolId = (await createSchool(tenant.technician, 30)).id;
  const packs: Array<{ id: string }> = await stack.dataSource.query(
    `INSERT INTO packs (collectivite_id, school_id, name, device_kind, os_family, capacity)
     SELECT $1, $2, 'Pack ' || n, 'tablet', 'ipados', 15 FROM generate_series(1, $3::int) AS n RETURNING id`,
    [tenant.collectiviteId, schoolId, packCount],
  );
  const tokens = packs.map(() => newEnrollmentTokenSecret());
  await stack.dataSource.query(
    `INSERT INTO enrollment_tokens (collectivite_id, pack_id, token_hash, expires_at, max_uses)
     SELECT $1, pack_id, token_hash, now() + interval '1 day', 15 FROM unnest($2::uuid[], $3::bytea[]) AS t(pack_id, token_hash)`,
    [tenant.collectiviteId, packs.map((pack) => pack.id), tokens.map(hashEnrollmentToken)],
  );
  return packs.map((pack, index) => ({ packId: pack.id, token: tokens[index] }));
}

/**
 * `count` iPads in packs of 15, enrolled through the real gateway with one shared key and bounded
 * concurrency. Consecutive devices go to different packs, since enrollments into one pack serialise.
 */
export async function enrollFleet(
  stack: TestStack,
  tenant: Tenant,
  count: number,
  concurrency = 12,
): Promise<SimulatedDevice[]> {
  const packs = await seedPacksWithTokens(stack, tenant, Math.ceil(count / 15));
  const keyPair = await sharedDeviceKey();
  const devices = Array.from({ length: count }, () => simulatedDevice(stack, 'ipados'));
  const failures: unknown[] = [];
  await forEachWithConcurrency(devices, concurrency, async (device, index) => {
    await device
      .enroll(packs[index % packs.length].token, keyPair)
      .catch((error: unknown) => void failures.push(error));
  });
  if (failures.length) throw new Error(`${failures.length} enrollments failed, first: ${String(failures[0])}`);
  return devices;
}

/**
 * Checks the devices for which `pending` is true in, round after round with bounded concurrency,
 * until none is left or `maxRounds` is reached; a failed check-in is simply retried next round.
 * Returns the serial numbers still pending, with the last error of each if it had one.
 */
export async function checkInUntil(
  devices: readonly SimulatedDevice[],
  pending: (device: SimulatedDevice) => boolean,
  options: { concurrency?: number; maxRounds?: number } = {},
): Promise<string[]> {
  const errors = new Map<SimulatedDevice, string>();
  let left = devices.filter(pending);
  for (let round = 0; left.length && round < (options.maxRounds ?? 5); round++) {
    await forEachWithConcurrency(left, options.concurrency ?? 24, async (device) => {
      await device.checkIn().then(
        () => errors.delete(device),
        (error: unknown) => void errors.set(device, error instanceof Error ? error.message : String(error)),
      );
    });
    left = left.filter(pending);
  }
  return left.map((device) =>
    errors.has(device) ? `${device.serialNumber}: ${errors.get(device)}` : device.serialNumber,
  );
}

/** How many times the device carried out an install of the profile, from the agent's own history (whatever it answered). */
export function installsRun(device: SimulatedDevice, profileId: string): number {
  return device.history.filter(
    ({ command }) => command.type === 'install_profile' && command.payload?.profileId === profileId,
  ).length;
}

export const holdsProfile = (profileId: string) => (device: SimulatedDevice) =>
  device.profiles.some((held) => held.id === profileId);

/** Acknowledged install rows per device for one profile, from PostgreSQL (the truth). */
export async function acknowledgedInstallsPerDevice(stack: TestStack, profileId: string): Promise<Map<string, number>> {
  const rows: Array<{ device_id: string; count: number }> = await stack.dataSource.query(
    `SELECT device_id, count(*)::int AS count FROM device_commands
      WHERE profile_id = $1 AND type = 'install_profile' AND status = 'acknowledged' GROUP BY device_id`,
    [profileId],
  );
  return new Map(rows.map((row) => [row.device_id, row.count]));
}

/** Closes every device's kept-alive TLS connections (and ends any loop it runs). */
export function stopAll(devices: readonly SimulatedDevice[]): void {
  for (const device of devices) device.stop();
}
