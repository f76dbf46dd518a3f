import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SimulatedDevice } from '@socle/agent';
import {
  createPack,
  createSchool,
  createTenant,
  expectCreated,
  issueToken,
  simulatedDevice,
  Tenant,
} from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

describe('Profiles pushed through the command pipeline', () => {
  let stack: TestStack;
  let town: Tenant;
  let schoolId: string;

  beforeAll(async () => {
    stack = await startStack();
    town = await createTenant(stack);
    schoolId = (await createSchool(town.technician)).id;
  });
  afterAll(() => stack.close());

  async function enrolledPack(count: number, capacity: 10 | 12 | 15 = 15) {
    const pack = await createPack(town.technician, schoolId, 'ipados', capacity);
    const token = await issueToken(town.technician, pack.id);
    const devices = Array.from({ length: count }, () => simulatedDevice(stack, 'ipados'));
    await Promise.all(devices.map((device) => device.enroll(token.token)));
    await Promise.all(devices.map((device) => device.checkIn()));
    return { pack, devices };
  }

  async function newProfile(name: string, restrictions: Record<string, boolean> = { allowCamera: false }) {
    const app = expectCreated(
      await town.technician.post('/api/v1/apps', {
        name: `Book Creator ${name}`,
        platform: 'ipados',
        identifier: `com.bookcreator.${name.replace(/\W/g, '')}`,
        category: 'book_creator',
      }),
      'app',
    );
    return expectCreated(
      await town.technician.post('/api/v1/profiles', {
        name,
        apps: [app.id],
        resources: [
          {
            kind: 'gar_resource',
            title: 'Médiacentre <GAR> & "ENT"',
            url: 'https://gar.education.fr/ressource?id=1&x=2',
          },
        ],
        wifi: [{ ssid: 'ECOLE-PEDAGO', security: 'wpa2', password: 'motdepasse-wifi' }],
        restrictions,
      }),
      'profile',
    );
  }

  const checkInAll = (devices: SimulatedDevice[]) => Promise.all(devices.map((device) => device.checkIn()));
  const status = async (profileId: string) => (await town.technician.get(`/api/v1/profiles/${profileId}/status`)).body;

  it('reaches all 15 tablets of a pack, then replaces version 1 by version 2 on all of them', async () => {
    const { pack, devices } = await enrolledPack(15);
    const profile = await newProfile('Cycle 3');
    expect(profile.latestVersion).toBe(1);
    expect(profile.current.wifi[0]).toEqual({ ssid: 'ECOLE-PEDAGO', security: 'wpa2', hasPassword: true });

    const assigned = await town.technician.post(`/api/v1/profiles/${profile.id}/assignments`, { packId: pack.id });
    expect(assigned.status).toBe(201);
    expect(assigned.body.commandsQueued).toBe(15);
    expect((await status(profile.id)).counts).toEqual({ pending: 15, delivered: 0, acknowledged: 0, failed: 0 });

    const outcomes = await checkInAll(devices);
    for (const outcome of outcomes) {
      expect(outcome.commands.map((command) => command.type)).toEqual(['install_profile']);
      expect(outcome.commands[0].payload).toMatchObject({
        profileId: profile.id,
        version: 1,
        encoding: 'base64',
        contentType: 'application/x-apple-aspen-config',
      });
    }
    expect((await status(profile.id)).counts).toEqual({ pending: 0, delivered: 0, acknowledged: 15, failed: 0 });
    expect(
      devices.every((device) => device.profiles.some((held) => held.id === profile.id && held.version === 1)),
    ).toBe(true);

    const v2 = await town.technician.post(`/api/v1/profiles/${profile.id}/versions`, {
      resources: [{ kind: 'web_clip', title: 'Lalilo', url: 'https://www.lalilo.com' }],
      restrictions: { allowCamera: true },
    });
    expect(v2.body).toMatchObject({ latestVersion: 2, commandsQueued: 15 });
    await checkInAll(devices);
    const after = await status(profile.id);
    expect(after.counts.acknowledged).toBe(15);
    expect(after.devices.every((device: { version: number }) => device.version === 2)).toBe(true);
    const [{ count }] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM installed_profiles WHERE profile_id = $1 AND version = 2`,
      [profile.id],
    );
    expect(count).toBe(15);
  });

  it('renders the signed .mobileconfig a tablet gets, which openssl verifies up to the platform root', async () => {
    const profile = await newProfile('Signé');
    const response = await town.technician.download(`/api/v1/profiles/${profile.id}/versions/1/render?osFamily=ipados`);
    expect(response.headers.get('content-type')).toContain('application/x-apple-aspen-config');
    const dir = mkdtempSync(join(tmpdir(), 'socle-cms-'));
    writeFileSync(join(dir, 'profile.mobileconfig'), response.bytes);
    writeFileSync(join(dir, 'root.pem'), stack.rootCaPem);
    const xml = execFileSync(
      'openssl',
      ['cms', '-verify', '-inform', 'DER', '-in', join(dir, 'profile.mobileconfig'), '-CAfile', join(dir, 'root.pem')],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    expect(xml).toContain('<string>Médiacentre &lt;GAR&gt; &amp; "ENT"</string>');
    expect(xml).toContain(`fr.socle.profile.${profile.id}`);
    const android = await town.technician.get(`/api/v1/profiles/${profile.id}/versions/1/render?osFamily=android`);
    // The iPad app of the profile is not for Android; only Chrome comes, carrying the links as bookmarks.
    expect(android.body.applications.map((app: { packageName: string }) => app.packageName)).toEqual([
      'com.android.chrome',
    ]);
    expect(
      (await town.technician.get(`/api/v1/profiles/${profile.id}/versions/9/render?osFamily=ipados`)).body.code,
    ).toBe('PROFILE_VERSION_NOT_FOUND');
    expect(
      (await town.technician.get(`/api/v1/profiles/${profile.id}/versions/1/render?osFamily=symbian`)).body.code,
    ).toBe('VALIDATION_FAILED');
  });

  it('gives a tablet that was off during the push its profile at its next check-in, and removes it on unassign', async () => {
    const { pack, devices } = await enrolledPack(3, 10);
    const [offline, ...online] = devices;
    const profile = await newProfile('Hors ligne');
    const assignment = (await town.technician.post(`/api/v1/profiles/${profile.id}/assignments`, { packId: pack.id }))
      .body;
    await checkInAll(online);
    expect((await status(profile.id)).counts).toMatchObject({ pending: 1, acknowledged: 2 });
    const late = await offline.checkIn();
    expect(late.commands.map((command) => command.type)).toEqual(['install_profile']);
    expect((await status(profile.id)).counts).toMatchObject({ pending: 0, acknowledged: 3 });

    const removed = await town.technician.delete(`/api/v1/profiles/${profile.id}/assignments/${assignment.id}`);
    expect(removed.body.commandsQueued).toBe(3);
    const outcomes = await checkInAll(devices);
    expect(
      outcomes.every((outcome) => outcome.commands.map((command) => command.type).join() === 'remove_profile'),
    ).toBe(true);
    expect(devices.every((device) => !device.profiles.some((held) => held.id === profile.id))).toBe(true);
    expect(
      await stack.dataSource.query('SELECT 1 FROM installed_profiles WHERE profile_id = $1', [profile.id]),
    ).toHaveLength(0);
  });

  it('repairs drift: a tablet that lost its profile gets it again', async () => {
    const { pack, devices } = await enrolledPack(1, 10);
    const profile = await newProfile('Dérive');
    await town.technician.post(`/api/v1/profiles/${profile.id}/assignments`, { packId: pack.id });
    await checkInAll(devices);
    const [device] = devices;
    // A pupil removed it: the next report no longer lists it.
    (device as unknown as { state: { profiles: Map<string, number> } }).state.profiles.delete(profile.id);
    const repaired = await device.checkIn();
    expect(repaired.commands.map((command) => [command.type, command.payload?.profileId])).toEqual([
      ['install_profile', profile.id],
    ]);
  });

  it('applies results exactly once, retries not_now later, and keeps errors for the technician', async () => {
    const { pack, devices } = await enrolledPack(2, 10);
    const [busy, broken] = devices;
    const profile = await newProfile('Résultats');
    await town.technician.post(`/api/v1/profiles/${profile.id}/assignments`, { packId: pack.id });
    busy.nextResult = 'not_now';
    broken.nextResult = 'error';
    broken.nextResultDetail = 'Espace de stockage insuffisant';
    await checkInAll(devices);
    const afterFirst = await status(profile.id);
    expect(afterFirst.counts).toMatchObject({ pending: 1, failed: 1 });
    expect(
      afterFirst.devices.find((device: { deviceId: string }) => device.deviceId === broken.deviceId).lastError,
    ).toBe('Espace de stockage insuffisant');
    // not_now: not handed again before its backoff.
    expect((await busy.checkIn()).commands).toEqual([]);
    const [command] = await stack.dataSource.query(
      `SELECT id, attempts, next_attempt_at > now() AS later FROM device_commands WHERE device_id = $1 AND profile_id = $2 AND status = 'pending'`,
      [busy.deviceId, profile.id],
    );
    expect(command).toMatchObject({ attempts: 1, later: true });

    const [failed] = await stack.dataSource.query(
      `SELECT id FROM device_commands WHERE device_id = $1 AND status = 'failed'`,
      [broken.deviceId],
    );
    const replay = await broken.reportCommandResult(failed.id, { status: 'acknowledged' }).then(() => 'accepted');
    expect(replay).toBe('accepted');
    const [still] = await stack.dataSource.query('SELECT status FROM device_commands WHERE id = $1', [failed.id]);
    expect(still.status).toBe('failed');
  });

  it('lets the pack’s profile decide a restriction the collectivité’s profile also sets', async () => {
    const { pack, devices } = await enrolledPack(1, 10);
    const townWide = await newProfile('Ville entière', { allowCamera: false, allowErase: false });
    const packOnly = await newProfile('Pack photo', { allowCamera: true });
    await town.technician.post(`/api/v1/profiles/${townWide.id}/assignments`, { collectiviteId: town.collectiviteId });
    await town.technician.post(`/api/v1/profiles/${packOnly.id}/assignments`, { packId: pack.id });
    const outcome = await devices[0].checkIn();
    const variants = Object.fromEntries(
      outcome.commands.map((command) => [command.payload?.profileId, command.payload?.variant]),
    );
    expect(variants).toEqual({ [townWide.id]: 'allowCamera', [packOnly.id]: '' });
  });

  it('sends lock, unlock and a confirmed wipe to one device, and refuses an unconfirmed wipe', async () => {
    const { devices } = await enrolledPack(1, 10);
    const [device] = devices;
    const lock = await town.technician.post(`/api/v1/devices/${device.deviceId}/commands`, {
      type: 'lock',
      message: 'Les yeux vers moi !',
    });
    expect(lock.status).toBe(201);
    await device.checkIn();
    expect(device.locked).toBe(true);
    expect((await town.technician.get(`/api/v1/devices/${device.deviceId}`)).body.state).toBe('locked');
    await town.technician.post(`/api/v1/devices/${device.deviceId}/commands`, { type: 'unlock' });
    await device.checkIn();
    expect((await town.technician.get(`/api/v1/devices/${device.deviceId}`)).body.state).toBe('active');

    const unconfirmed = await town.technician.post(`/api/v1/devices/${device.deviceId}/commands`, { type: 'wipe' });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.code).toBe('WIPE_CONFIRMATION_REQUIRED');
    const wipe = await town.technician.post(`/api/v1/devices/${device.deviceId}/commands`, {
      type: 'wipe',
      confirm: device.serialNumber,
    });
    expect(wipe.status).toBe(201);
    const [audit] = await stack.dataSource.query(
      `SELECT actor_role FROM audit_entries WHERE action = 'device.command.wipe' AND entity_id = $1`,
      [device.deviceId],
    );
    expect(audit.actor_role).toBe('technician');
  });

  it('keeps each collectivité’s profiles, apps and devices to itself, and refuses garbage', async () => {
    const intruder = await createTenant(stack);
    const { pack, devices } = await enrolledPack(1, 10);
    const profile = await newProfile('Privé');
    const calls = [
      intruder.technician.get(`/api/v1/profiles/${profile.id}`),
      intruder.technician.get(`/api/v1/profiles/${profile.id}/status`),
      intruder.technician.post(`/api/v1/profiles/${profile.id}/versions`, {}),
      intruder.technician.post(`/api/v1/profiles/${profile.id}/assignments`, {
        collectiviteId: intruder.collectiviteId,
      }),
      intruder.technician.get(`/api/v1/profiles/${profile.id}/versions/1/render?osFamily=ipados`),
      intruder.technician.post(`/api/v1/devices/${devices[0].deviceId}/commands`, { type: 'lock' }),
    ];
    for (const response of await Promise.all(calls)) expect(response.status).toBe(404);
    const mine = await newProfileFor(intruder);
    expect(
      (await intruder.technician.post(`/api/v1/profiles/${mine.id}/assignments`, { packId: pack.id })).status,
    ).toBe(404);
    const apps = await intruder.technician.get('/api/v1/apps');
    expect(apps.body.items.every((app: { identifier: string }) => !app.identifier.startsWith('com.bookcreator.'))).toBe(
      true,
    );

    const [{ before }] = await stack.dataSource.query('SELECT count(*)::int AS before FROM profile_versions');
    for (const body of [
      { name: 'x', resources: [{ kind: 'web_clip', title: 'x', url: 'javascript:alert(1)' }] },
      { name: 'x', resources: [{ kind: 'document', title: 'x', url: 'https://a.fr/doc.pdf' }] },
      { name: 'x', wifi: [{ ssid: 'x', security: 'wpa2' }] },
      { name: 'x', restrictions: { allowCamera: 'oui' } },
      { name: 'x', apps: ['not-a-uuid'] },
      { name: 'x', collectiviteId: intruder.collectiviteId },
    ]) {
      const response = await town.technician.post('/api/v1/profiles', body);
      expect({ body, status: response.status, code: response.body.code }).toEqual({
        body,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    const oversized = await town.technician.post('/api/v1/profiles', {
      name: 'x',
      resources: Array.from({ length: 20_000 }, () => ({
        kind: 'web_clip',
        title: 'x'.repeat(100),
        url: 'https://a.fr',
      })),
    });
    expect({ status: oversized.status, code: oversized.body.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
    const both = await town.technician.post(`/api/v1/profiles/${profile.id}/assignments`, {
      packId: pack.id,
      schoolId,
    });
    expect(both.body.code).toBe('VALIDATION_FAILED');
    const [{ after }] = await stack.dataSource.query('SELECT count(*)::int AS after FROM profile_versions');
    expect(after).toBe(before);
  });

  async function newProfileFor(tenant: Tenant) {
    return expectCreated(await tenant.technician.post('/api/v1/profiles', { name: 'Intrus' }), 'profile');
  }
});
