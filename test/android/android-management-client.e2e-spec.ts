import { AndroidManagementClient, loadAndroidSettings } from '@socle/android';
import { FakeAmapi } from '../support/fake-amapi';
import { createTestServiceAccount, TestServiceAccount } from '../support/test-service-account';

describe('AndroidManagementClient against a local AMAPI and OAuth endpoint', () => {
  let fake: FakeAmapi;
  let account: TestServiceAccount;
  let sleeps: number[];
  let client: AndroidManagementClient;
  let enterprise: string;

  const newClient = (file = account.file) =>
    new AndroidManagementClient(
      loadAndroidSettings({
        SOCLE_ANDROID_SERVICE_ACCOUNT_FILE: file,
        SOCLE_ANDROID_API_URL: fake.apiUrl,
        SOCLE_ANDROID_PROJECT_ID: 'socle-test',
      }),
      { sleep: async (ms) => void sleeps.push(ms), retry: { attempts: 4, baseDelayMs: 100, maxDelayMs: 10_000 } },
    );

  beforeAll(async () => {
    fake = await new FakeAmapi().start();
    account = createTestServiceAccount(fake);
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    sleeps = [];
    client = newClient();
    enterprise = fake.addEnterprise();
  });

  it("exchanges a JWT signed with the key at the key file's token_uri, with the androidmanagement scope, once", async () => {
    await client.getEnterprise(enterprise);
    await client.getEnterprise(enterprise);
    const grants = fake.tokenRequests.slice(-1);
    expect(grants[0]).toMatchObject({
      ok: true,
      claims: { iss: account.email, aud: fake.tokenUri, scope: 'https://www.googleapis.com/auth/androidmanagement' },
    });
    const calls = fake.apiRequests(enterprise).slice(-2);
    expect(calls).toHaveLength(2);
    // One access token for both calls, sent as a bearer (not a self-signed JWT).
    expect(calls[0].authorization).toMatch(/^Bearer ya29\./);
    expect(calls[1].authorization).toBe(calls[0].authorization);
  });

  it('creates a signup URL for the configured project, then the enterprise from the callback token', async () => {
    const signup = await client.createSignupUrl('https://socle.ville.test/api/v1/android/enterprise/callback?state=x');
    expect(signup.url).toMatch(/^https:\/\/enterprise\.google\.com\/signup/);
    expect(fake.signups.get(signup.name)).toMatchObject({ projectId: 'socle-test' });
    const token = fake.completeSignup(signup.name);
    const created = await client.createEnterprise(signup.name, token, 'Ville de Test');
    expect(created.name).toMatch(/^enterprises\/LC/);
    expect(fake.enterprises.get(created.name!)).toMatchObject({ enterpriseDisplayName: 'Ville de Test' });
    // The signup is used up: a second creation is refused with a stable code.
    await expect(client.createEnterprise(signup.name, token)).rejects.toMatchObject({
      code: 'ANDROID_SIGNUP_UNKNOWN',
      status: 404,
    });
  });

  it('patches a policy the client library types accept, and Google refuses one it would not understand', async () => {
    const name = `${enterprise}/policies/pack-1`;
    const first = await client.patchPolicy(name, {
      applications: [{ packageName: 'org.a', installType: 'FORCE_INSTALLED' }],
    });
    const second = await client.patchPolicy(name, { cameraDisabled: true });
    expect([first.version, second.version]).toEqual(['1', '2']);
    const wrong = { applications: [{ packageName: 'org.a', installType: 'FORCE_INSTALLED', autoStart: 'yes' }] };
    await expect(client.patchPolicy(name, wrong as any)).rejects.toMatchObject({
      code: 'ANDROID_REQUEST_REJECTED',
      status: 422,
      message: expect.stringContaining('applications[0].autoStart: unknown field of ApplicationPolicy'),
    });
    expect(fake.policies.get(name).version).toBe('2');
  });

  it('retries a 429 after the Retry-After Google asked for, then succeeds', async () => {
    fake.failNext(2, { status: 429, retryAfter: '7', pathIncludes: enterprise });
    const found = await client.getEnterprise(enterprise);
    expect(found.name).toBe(enterprise);
    expect(sleeps).toEqual([7000, 7000]);
  });

  it('backs off exponentially on 503 and gives up with a French ANDROID_API_UNAVAILABLE', async () => {
    fake.failNext(10, { status: 503, pathIncludes: enterprise });
    const before = fake.apiRequests(enterprise).length;
    await expect(client.getEnterprise(enterprise)).rejects.toMatchObject({
      code: 'ANDROID_API_UNAVAILABLE',
      status: 503,
      message: expect.stringContaining('Google'),
    });
    expect(fake.apiRequests(enterprise).length - before).toBe(4);
    expect(sleeps).toHaveLength(3);
    sleeps.forEach((ms, i) => {
      expect(ms).toBeGreaterThanOrEqual((100 * 2 ** i) / 2);
      expect(ms).toBeLessThanOrEqual(100 * 2 ** i);
    });
    fake.clearFaults();
  });

  it('reports Google down as ANDROID_API_UNAVAILABLE, and works again once it is back', async () => {
    const fresh = newClient();
    fake.down();
    try {
      await expect(fresh.getEnterprise(enterprise)).rejects.toMatchObject({ code: 'ANDROID_API_UNAVAILABLE' });
    } finally {
      fake.up();
    }
    expect((await fresh.getEnterprise(enterprise)).name).toBe(enterprise);
  });

  it('does not retry a key Google refuses, and says so', async () => {
    const stranger = createTestServiceAccount(new FakeAmapi(), 'socle-test');
    // Same token_uri field value is the other fake's; point it at ours with an untrusted key.
    const { readFileSync, writeFileSync } = await import('node:fs');
    const json = JSON.parse(readFileSync(stranger.file, 'utf8'));
    writeFileSync(stranger.file, JSON.stringify({ ...json, token_uri: fake.tokenUri }));
    const before = fake.tokenRequests.length;
    await expect(newClient(stranger.file).getEnterprise(enterprise)).rejects.toMatchObject({
      code: 'ANDROID_AUTH_FAILED',
    });
    expect(fake.tokenRequests.slice(before).every((r) => !r.ok)).toBe(true);
    expect(sleeps).toEqual([]);
  });

  it("maps a device Google no longer knows to 'deleted': null, 410 on a command, done on delete", async () => {
    const gone = `${enterprise}/devices/3deadbeef`;
    expect(await client.getDevice(gone)).toBeNull();
    await expect(client.issueCommand(gone, { type: 'LOCK' })).rejects.toMatchObject({
      code: 'ANDROID_DEVICE_DELETED',
      status: 410,
      details: { deviceName: gone },
    });
    expect(await client.deleteDevice(gone, ['WIPE_EXTERNAL_STORAGE'])).toEqual({ alreadyDeleted: true });
  });

  it('deletes a device with its wipe flags', async () => {
    const device = fake.addDevice(enterprise);
    expect(await client.deleteDevice(device.name, ['WIPE_EXTERNAL_STORAGE'], 'Retirée du parc')).toEqual({
      alreadyDeleted: false,
    });
    expect(fake.deletedDevices.at(-1)).toEqual({
      name: device.name,
      wipeDataFlags: ['WIPE_EXTERNAL_STORAGE'],
      wipeReasonMessage: 'Retirée du parc',
    });
  });

  it('lists every device page after page', async () => {
    for (let i = 0; i < 230; i++) fake.addDevice(enterprise, { hardwareInfo: { serialNumber: `SN${i}` } });
    const serials: string[] = [];
    for await (const device of client.listAllDevices(enterprise)) serials.push(device.hardwareInfo!.serialNumber!);
    expect(serials).toHaveLength(230);
    expect(new Set(serials).size).toBe(230);
    expect(
      fake
        .apiRequests(`${enterprise}/devices`)
        .filter((r) => r.method === 'GET')
        .slice(-3),
    ).toHaveLength(3);
  });

  it('keeps at most four calls in flight at once', async () => {
    fake.responseDelayMs = 30;
    fake.maxInFlight = 0;
    try {
      await Promise.all(Array.from({ length: 20 }, () => client.getEnterprise(enterprise)));
    } finally {
      fake.responseDelayMs = 0;
    }
    expect(fake.maxInFlight).toBeGreaterThan(1);
    expect(fake.maxInFlight).toBeLessThanOrEqual(4);
  });

  it('creates a web app for a GAR or ENT link', async () => {
    const webApp = await client.createWebApp(enterprise, {
      title: 'ENT de l’école',
      startUrl: 'https://ent.ecole.test/',
      displayMode: 'STANDALONE',
    });
    expect(webApp.name).toMatch(new RegExp(`^${enterprise}/webApps/`));
  });

  it('answers 503 ANDROID_NOT_CONFIGURED, naming the variables to set, when nothing is configured', async () => {
    const off = new AndroidManagementClient(loadAndroidSettings({}));
    expect(off.configured).toBe(false);
    await expect(off.getEnterprise(enterprise)).rejects.toMatchObject({
      code: 'ANDROID_NOT_CONFIGURED',
      status: 503,
      message: expect.stringContaining('SOCLE_ANDROID_SERVICE_ACCOUNT_FILE et SOCLE_ANDROID_PROJECT_ID'),
    });
  });
});
