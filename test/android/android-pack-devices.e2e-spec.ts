import {
  AndroidCommandService,
  AndroidEnrollmentService,
  AndroidManagementClient,
  deviceHealth,
  packPolicyName,
  parseEnrollmentTokenData,
  quarantinePolicy,
  quarantinePolicyName,
} from '@socle/android';
import { randomUUID } from 'node:crypto';
import { createTenant, Tenant } from '../support/factories';
import { AndroidStack, startAndroidStack } from './android-stack';

/** What the wiring session will chain: a pack's enrollment token, the enrolled tablet, its commands. */
describe('Android pack enrollment tokens and device commands against the fake AMAPI', () => {
  let stack: AndroidStack;
  let town: Tenant;
  let enterprise: string;
  let enrollment: AndroidEnrollmentService;
  let commands: AndroidCommandService;

  beforeAll(async () => {
    stack = await startAndroidStack();
    town = await createTenant(stack);
    enterprise = stack.fake.addEnterprise();
    expect((await town.admin.request('PUT', '/api/v1/android/enterprise', { enterpriseName: enterprise })).status).toBe(
      200,
    );
    enrollment = stack.app.get(AndroidEnrollmentService);
    commands = stack.app.get(AndroidCommandService);
  });
  afterAll(() => stack.close());

  it("creates the pack's enrollment token with its QR code: the provisioning JSON and a printable PNG", async () => {
    const packId = randomUUID();
    const expiresAt = new Date(Date.now() + 48 * 3600_000);
    const token = await enrollment.createPackToken({
      collectiviteId: town.collectiviteId,
      packId,
      socleTokenId: 'tok-1',
      expiresAt,
      maxUses: 15,
    });
    const [sent] = stack.fake.apiRequests(`${enterprise}/enrollmentTokens`);
    expect(sent.body).toEqual({
      policyName: packPolicyName(enterprise, packId),
      duration: expect.stringMatching(/^17280\ds$/),
      oneTimeOnly: false,
      allowPersonalUsage: 'PERSONAL_USAGE_DISALLOWED',
      additionalData: JSON.stringify({ packId, socleTokenId: 'tok-1' }),
    });
    expect(token.androidEnrollmentToken).toMatch(/^[0-9A-F]{20}$/);
    const provisioning = JSON.parse(token.androidQrCode);
    expect(provisioning['android.app.extra.PROVISIONING_ADMIN_EXTRAS_BUNDLE']).toEqual({
      'com.google.android.apps.work.clouddpc.EXTRA_ENROLLMENT_TOKEN': token.androidEnrollmentToken,
    });
    const png = Buffer.from(token.androidQrPng.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(1000);
  });

  it('refuses a pack token for a collectivité without an Android enterprise', async () => {
    const other = await createTenant(stack);
    await expect(
      enrollment.createPackToken({
        collectiviteId: other.collectiviteId,
        packId: randomUUID(),
        expiresAt: new Date(Date.now() + 3600_000),
        maxUses: 1,
      }),
    ).rejects.toMatchObject({ code: 'ANDROID_ENTERPRISE_NOT_BOUND', status: 404 });
  });

  it('a tablet enrolled with the token carries the pack id back, and its status maps to Socle health', async () => {
    const packId = randomUUID();
    const device = stack.fake.addDevice(enterprise, {
      enrollmentTokenData: JSON.stringify({ packId, socleTokenId: 'tok-2' }),
      appliedPolicyName: packPolicyName(enterprise, packId),
      appliedPolicyVersion: '3',
      softwareInfo: { androidVersion: '13', securityPatchLevel: '2026-09-05' },
      memoryInfo: { totalInternalStorage: '64000000000' },
      memoryEvents: [
        { eventType: 'INTERNAL_STORAGE_MEASURED', byteCount: '20000000000', createTime: '2026-11-30T10:00:00Z' },
      ],
      powerManagementEvents: [
        { eventType: 'BATTERY_LEVEL_COLLECTED', batteryLevel: 88, createTime: '2026-11-30T10:00:00Z' },
      ],
      lastStatusReportTime: '2026-11-30T10:01:00Z',
    });
    const client = stack.app.get(AndroidManagementClient);
    const listed = [];
    for await (const found of client.listAllDevices(enterprise)) listed.push(found);
    const fetched = listed.find((found) => found.name === device.name)!;
    expect(parseEnrollmentTokenData(fetched.enrollmentTokenData)).toEqual({ packId, socleTokenId: 'tok-2' });
    expect(deviceHealth(fetched)).toMatchObject({
      osVersion: '13',
      securityPatchLevel: '2026-09-05',
      batteryLevel: 88,
      storageFreeBytes: 20000000000,
      storageTotalBytes: 64000000000,
      appliedPolicyVersion: 3,
    });
  });

  it('the quarantine policy is accepted by the fake’s check against the library’s Policy type', async () => {
    const client = stack.app.get(AndroidManagementClient);
    const saved = await client.patchPolicy(quarantinePolicyName(enterprise), quarantinePolicy());
    expect(saved).toMatchObject({ applications: [], kioskCustomLauncherEnabled: true, version: '1' });
  });

  it('locks a tablet: LOCK issued, the operation followed to its end and its outcome returned once', async () => {
    const device = stack.fake.addDevice(enterprise);
    stack.fake.operationPolls = 2;
    const { operationName } = await commands.issue(device.name, 'lock');
    expect(stack.fake.operations.get(operationName)!.command).toEqual({ type: 'LOCK', duration: '86400s' });
    // Two followers of one operation share one polling loop.
    const [first, second] = await Promise.all([
      commands.followOperation(operationName),
      commands.followOperation(operationName),
    ]);
    expect(first).toEqual({ done: true, ok: true });
    expect(second).toBe(first);
    const polls = stack.fake.apiRequests(operationName).filter((r) => r.method === 'GET');
    expect(polls).toHaveLength(3);
  });

  it('reports a command the tablet refused, in French', async () => {
    const device = stack.fake.addDevice(enterprise);
    const { operationName } = await commands.issue(device.name, 'restart');
    stack.fake.failOperation(operationName, 'Device is offline');
    expect(await commands.followOperation(operationName)).toEqual({
      done: true,
      ok: false,
      code: 'ANDROID_COMMAND_FAILED',
      message: "La tablette n'a pas exécuté la commande : Device is offline.",
    });
  });

  it('answers 422 COMMAND_NOT_SUPPORTED for what Android cannot do, and 410 for a tablet Google deleted', async () => {
    const device = stack.fake.addDevice(enterprise);
    await expect(commands.issue(device.name, 'shutdown')).rejects.toMatchObject({
      status: 422,
      code: 'COMMAND_NOT_SUPPORTED',
    });
    await expect(commands.issue(`${enterprise}/devices/3gone`, 'lock')).rejects.toMatchObject({
      status: 410,
      code: 'ANDROID_DEVICE_DELETED',
    });
    expect(stack.fake.apiRequests(`${device.name}:issueCommand`)).toHaveLength(0);
  });

  it('wipes through devices.delete with the retirement flags, and a repeat is harmless', async () => {
    const device = stack.fake.addDevice(enterprise);
    expect(await commands.wipe(device.name, 'Tablette retirée du parc')).toEqual({ alreadyDeleted: false });
    expect(stack.fake.deletedDevices.at(-1)).toMatchObject({
      name: device.name,
      wipeDataFlags: ['WIPE_EXTERNAL_STORAGE'],
    });
    expect(await commands.wipe(device.name)).toEqual({ alreadyDeleted: true });
    expect(await commands.refresh(device.name)).toBeNull();
  });

  it('follows a command across a 429 with Retry-After', async () => {
    const device = stack.fake.addDevice(enterprise);
    stack.fake.operationPolls = 0;
    const { operationName } = await commands.issue(device.name, 'lock');
    stack.fake.failNext(1, { status: 429, retryAfter: '1', pathIncludes: '/operations/' });
    expect(await commands.followOperation(operationName)).toEqual({ done: true, ok: true });
    expect(stack.fake.apiRequests(operationName).length).toBe(2);
  });
});
