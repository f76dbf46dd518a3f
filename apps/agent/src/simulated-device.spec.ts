import { randomUUID, X509Certificate } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AgentHttpError } from './agent-http-error';
import { generateDeviceKeyPair } from './device-identity';
import type { AgentLog } from './agent-types';
import { SimulatedDevice } from './simulated-device';
import type { SimulatedDeviceOptions } from './simulated-device-options';
import { FakeGateway, PROXY_CERT_HEADER } from '@test-support/fake-gateway';

describe('SimulatedDevice against a loopback gateway', () => {
  let gateway: FakeGateway;
  const devices: SimulatedDevice[] = [];

  beforeAll(async () => {
    gateway = await new FakeGateway().start();
  });
  afterEach(() => devices.splice(0).forEach((device) => device.stop()));
  afterAll(() => gateway.close());

  /** Polls a condition the gateway reaches asynchronously (a device starting to wait). */
  async function until(condition: () => boolean): Promise<void> {
    while (!condition()) await sleep(10);
  }

  function newDevice(overrides: Partial<SimulatedDeviceOptions> = {}): SimulatedDevice {
    const device = new SimulatedDevice({
      gatewayUrl: gateway.httpsUrl,
      trustedCaPem: gateway.pki.root.pem,
      osFamily: 'ipados',
      deviceKind: 'tablet',
      serialNumber: `SIM-TEST-${randomUUID().slice(0, 8)}`,
      model: 'iPad 10.9',
      osVersion: '17.5',
      log: () => undefined,
      ...overrides,
    });
    devices.push(device);
    return device;
  }

  it('enrolls with a CSR naming its serial, then checks in over mutual TLS', async () => {
    const device = newDevice();
    const enrolled = await device.enroll(gateway.validToken);
    expect(device.deviceId).toBe(enrolled.deviceId);

    const outcome = await device.checkIn();
    expect(outcome).toMatchObject({ commands: [], checkinIntervalSeconds: 900, results: [] });
    const report = gateway.checkins.find((checkin) => checkin.deviceId === device.deviceId)?.body;
    expect(report).toMatchObject({
      osVersion: '17.5',
      profiles: [],
      apps: expect.arrayContaining(['com.apple.mobilesafari']),
    });
    expect(report?.battery.level).toEqual(expect.any(Number));
  });

  it('carries out the commands it receives and reports each result', async () => {
    const device = newDevice();
    const { deviceId } = await device.enroll(gateway.validToken);
    const profileId = randomUUID();
    const lockId = gateway.queueCommand(deviceId, 'lock');
    const profileCommandId = gateway.queueCommand(deviceId, 'install_profile', { profileId, version: 2 });

    const outcome = await device.checkIn();

    expect(outcome.results.map(({ result }) => result.status)).toEqual(['acknowledged', 'acknowledged']);
    expect(device.locked).toBe(true);
    expect(device.profiles).toEqual([{ id: profileId, version: 2 }]);
    expect(gateway.results.filter((result) => result.deviceId === deviceId)).toEqual([
      { deviceId, commandId: lockId, body: { status: 'acknowledged' } },
      { deviceId, commandId: profileCommandId, body: { status: 'acknowledged' } },
    ]);
    await device.checkIn();
    expect(gateway.checkins.filter((checkin) => checkin.deviceId === deviceId).at(-1)?.body.profiles).toEqual([
      { id: profileId, version: 2 },
    ]);
    expect(device.stats).toMatchObject({ checkins: 2, commandResults: { acknowledged: 2, error: 0, not_now: 0 } });
  });

  it('reports a forced result once, without carrying the command out', async () => {
    const device = newDevice();
    const { deviceId } = await device.enroll(gateway.validToken);
    gateway.queueCommand(deviceId, 'lock');
    gateway.queueCommand(deviceId, 'lock');
    device.nextResult = 'not_now';
    device.nextResultDetail = 'lesson in progress';

    const outcome = await device.checkIn();

    expect(outcome.results.map(({ result }) => result)).toEqual([
      { status: 'not_now', detail: 'lesson in progress' },
      { status: 'acknowledged' },
    ]);
    expect(device.nextResult).toBeUndefined();
  });

  it('drains while undocked and charges once docked', async () => {
    const device = newDevice({ random: () => 0.5 });
    await device.enroll(gateway.validToken);
    device.docked = false;
    const levels = [];
    for (let round = 0; round < 3; round++) levels.push((await device.checkIn(), device.health.battery.level));
    device.docked = true;
    expect(device.charging).toBe(true);
    await device.checkIn();
    levels.push(device.health.battery.level);
    expect(levels[1]).toBeLessThan(levels[0]);
    expect(levels[2]).toBeLessThan(levels[1]);
    expect(levels[3]).toBeGreaterThan(levels[2]);
  });

  it('throws an AgentHttpError carrying the code of a refused enrollment', async () => {
    const device = newDevice();
    const error = await device.enroll('wrong-token-0123456789').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AgentHttpError);
    expect(error).toMatchObject({
      status: 401,
      code: 'TOKEN_INVALID',
      body: { statusCode: 401, code: 'TOKEN_INVALID' },
    });
    expect(device.isEnrolled).toBe(false);
  });

  it('downloads and pins the gateway CA when none is given, with a warning', async () => {
    const warnings: string[] = [];
    const log: AgentLog = (level, message) => level === 'warn' && warnings.push(message);
    const device = newDevice({ trustedCaPem: undefined, log });
    await device.enroll(gateway.validToken);
    await device.checkIn();
    expect(warnings).toEqual([expect.stringContaining('/v1/ca.pem without verification')]);
  });

  it('refuses a gateway whose certificate the pinned CA did not sign', async () => {
    const device = newDevice({ trustedCaPem: new FakeGateway().pki.root.pem });
    await expect(device.enroll(gateway.validToken)).rejects.toThrow(/certificate/i);
  });

  it('behind a reverse proxy, sends its certificate in the configured header', async () => {
    const device = newDevice({
      gatewayUrl: gateway.proxiedUrl,
      trustedCaPem: undefined,
      clientCertHeader: PROXY_CERT_HEADER,
    });
    const { deviceId } = await device.enroll(gateway.validToken);
    gateway.queueCommand(deviceId, 'wipe');
    const outcome = await device.checkIn();
    expect(outcome.results[0].result.status).toBe('acknowledged');
    expect(device.wipes).toBe(1);
  });

  it('loops until maxCheckins, counting failures instead of throwing', async () => {
    const device = newDevice();
    const notEnrolled = await device.run({ intervalSeconds: 0, maxCheckins: 2 });
    expect(notEnrolled).toMatchObject({ attempts: 2, failures: 2 });

    await device.enroll(gateway.validToken);
    expect(await device.run({ intervalSeconds: 0, maxCheckins: 3 })).toEqual({ attempts: 3, failures: 0 });
    expect(device.stats.checkins).toBe(3);
  });

  it('stops a running loop and can check in again afterwards', async () => {
    const device = newDevice();
    await device.enroll(gateway.validToken);
    const running = device.run({ intervalSeconds: 3600 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    device.stop();
    expect(await running).toMatchObject({ attempts: 1, failures: 0 });
    await expect(device.checkIn()).resolves.toMatchObject({ commands: [] });
  });

  it('enrolls with a shared key: one CSR and one certificate per device, the same public key', async () => {
    const keyPair = await generateDeviceKeyPair();
    const [first, second] = [newDevice({ keyPair }), newDevice()];
    await first.enroll(gateway.validToken);
    await second.enroll(gateway.validToken, keyPair);
    const [a, b] = [first, second].map((device) => new X509Certificate(device.identity!.certificatePem));
    expect(a.fingerprint256).not.toBe(b.fingerprint256);
    expect(a.subject).toContain(first.serialNumber);
    expect(a.publicKey.export({ type: 'spki', format: 'pem' })).toEqual(
      b.publicKey.export({ type: 'spki', format: 'pem' }),
    );
    expect(first.identity!.privateKeyPem).toBe(keyPair.privateKeyPem);
    await expect(Promise.all([first.checkIn(), second.checkIn()])).resolves.toHaveLength(2);
    expect(new Set(gateway.checkins.slice(-2).map((checkin) => checkin.deviceId))).toEqual(
      new Set([first.deviceId, second.deviceId]),
    );
  });

  it('waitForWake answers true when woken, false when the wait runs out', async () => {
    const device = newDevice();
    const { deviceId } = await device.enroll(gateway.validToken);
    const woken = device.waitForWake(30);
    await until(() => gateway.isWaiting(deviceId));
    expect(gateway.wake(deviceId)).toBe(1);
    await expect(woken).resolves.toBe(true);
    await expect(device.waitForWake(0.2)).resolves.toBe(false);
    expect(gateway.waits.filter((wait) => wait.deviceId === deviceId).map((wait) => wait.timeoutSeconds)).toEqual([
      30, 1,
    ]);
    expect(device.stats.wakes).toBe(1);
  });

  it('waitForWake answers at once when a command already waits', async () => {
    const device = newDevice();
    const { deviceId } = await device.enroll(gateway.validToken);
    gateway.queueCommand(deviceId, 'restart');
    await expect(device.waitForWake(55)).resolves.toBe(true);
  });

  it('with longPoll, checks in as soon as it is woken rather than after the interval', async () => {
    const device = newDevice();
    const { deviceId } = await device.enroll(gateway.validToken);
    const running = device.run({ longPoll: true, intervalSeconds: 3600, maxCheckins: 2 });
    await until(() => gateway.isWaiting(deviceId));
    gateway.queueCommand(deviceId, 'lock');
    gateway.wake(deviceId);
    expect(await running).toEqual({ attempts: 2, failures: 0 });
    expect(device.locked).toBe(true);
    expect(gateway.checkins.filter((checkin) => checkin.deviceId === deviceId)).toHaveLength(2);
  });

  it('ends a long-poll in flight on stop()', async () => {
    const device = newDevice();
    const { deviceId } = await device.enroll(gateway.validToken);
    const running = device.run({ longPoll: true, intervalSeconds: 3600 });
    await until(() => gateway.isWaiting(deviceId));
    device.stop();
    expect(await running).toEqual({ attempts: 1, failures: 0 });
    await until(() => !gateway.isWaiting(deviceId));
    await expect(device.waitForWake(55, AbortSignal.abort())).rejects.toMatchObject({ code: 'ABORT_ERR' });
  });

  it('logs a failed long-poll and carries on until the next check-in is due, without throwing', async () => {
    const warnings: string[] = [];
    // Not enrolled: every check-in and every wait fails, which is what the loop must survive.
    const device = newDevice({ log: (level, message) => level === 'warn' && warnings.push(message) });
    await expect(device.waitForWake(1)).rejects.toThrow(/before it is enrolled/);
    const report = await device.run({ longPoll: true, intervalSeconds: 0.5, maxCheckins: 2 });
    expect(report).toMatchObject({ attempts: 2, failures: 2 });
    expect(warnings.filter((warning) => warning.includes('long-poll failed')).length).toBeGreaterThanOrEqual(1);
  });
});
