import { setTimeout as sleep } from 'node:timers/promises';
import { SimulatedFleet } from './fleet';
import { FakeGateway } from '@test-support/fake-gateway';

describe('SimulatedFleet against a loopback gateway', () => {
  let gateway: FakeGateway;

  beforeEach(async () => {
    gateway = await new FakeGateway().start();
  });
  afterEach(() => gateway.close());

  it('enrolls up to the pack capacity and sums up the refusals by code', async () => {
    gateway.capacity = 15;
    const progress: string[] = [];
    const fleet = new SimulatedFleet({
      gatewayUrl: gateway.httpsUrl,
      trustedCaPem: gateway.pki.root.pem,
      token: gateway.validToken,
      count: 20,
      osFamily: 'android',
      enrollConcurrency: 20,
      log: (_level, message) => progress.push(message),
    });

    const summary = await fleet.run({ maxCheckins: 2, intervalSeconds: 0 });
    fleet.stop();

    expect(summary).toEqual({
      requested: 20,
      enrolled: 15,
      enrollFailuresByCode: { PACK_FULL: 5 },
      checkins: 30,
      checkinFailuresByCode: {},
      commandResults: { acknowledged: 0, error: 0, not_now: 0 },
    });
    expect(fleet.devices[0].serialNumber).toMatch(/^SIM-android-[0-9a-f]{6}-01$/);
    expect(fleet.devices[0]).toMatchObject({ deviceKind: 'tablet', model: 'Galaxy Tab A9+' });
    expect(progress).toContain('enrollment: 15 enrolled, 5 failed');
    expect(progress.filter((line) => line.startsWith('check-in round'))).toHaveLength(2);
  });

  it('downloads the CA once for the whole fleet and counts acknowledged commands', async () => {
    const warnings: string[] = [];
    const fleet = new SimulatedFleet({
      gatewayUrl: gateway.httpsUrl,
      token: gateway.validToken,
      count: 3,
      osFamily: 'linux',
      serialTag: 'fixed',
      log: (level, message) => level === 'warn' && warnings.push(message),
    });
    await fleet.enrollAll();
    for (const device of fleet.enrolledDevices) gateway.queueCommand(device.deviceId!, 'lock');

    const summary = await fleet.checkInAll();
    fleet.stop();

    expect(warnings).toHaveLength(1);
    expect(fleet.devices.map((device) => device.serialNumber)).toEqual([
      'SIM-linux-fixed-1',
      'SIM-linux-fixed-2',
      'SIM-linux-fixed-3',
    ]);
    expect(summary).toMatchObject({ enrolled: 3, checkins: 3, commandResults: { acknowledged: 3 } });
    expect(fleet.devices.every((device) => device.locked)).toBe(true);
  });

  it('with sharedKey, generates one key for the whole fleet and still gets a certificate per device', async () => {
    const fleet = new SimulatedFleet({
      gatewayUrl: gateway.httpsUrl,
      trustedCaPem: gateway.pki.root.pem,
      token: gateway.validToken,
      count: 4,
      osFamily: 'android',
      sharedKey: true,
      log: () => undefined,
    });
    const keyPair = await fleet.fleetKeyPair();
    const summary = await fleet.enrollAll();
    fleet.stop();

    expect(summary.enrolled).toBe(4);
    expect(new Set(fleet.devices.map((device) => device.identity!.privateKeyPem))).toEqual(
      new Set([keyPair!.privateKeyPem]),
    );
    expect(new Set(fleet.devices.map((device) => device.identity!.certificatePem)).size).toBe(4);
    await expect(
      new SimulatedFleet({ gatewayUrl: gateway.httpsUrl, token: 't', count: 1, osFamily: 'linux' }).fleetKeyPair(),
    ).resolves.toBeUndefined();
  });

  it('with longPoll, each device checks in again as soon as the gateway wakes it', async () => {
    const fleet = new SimulatedFleet({
      gatewayUrl: gateway.httpsUrl,
      trustedCaPem: gateway.pki.root.pem,
      token: gateway.validToken,
      count: 3,
      osFamily: 'linux',
      sharedKey: true,
      log: () => undefined,
    });
    const running = fleet.run({ longPoll: true, maxCheckins: 2, intervalSeconds: 3600 });
    while (
      fleet.enrolledDevices.length < 3 ||
      !fleet.enrolledDevices.every((device) => gateway.isWaiting(device.deviceId!))
    )
      await sleep(10);
    for (const device of fleet.enrolledDevices) {
      gateway.queueCommand(device.deviceId!, 'lock');
      gateway.wake(device.deviceId!);
    }
    const summary = await running;
    fleet.stop();

    expect(summary).toMatchObject({ enrolled: 3, checkins: 6, commandResults: { acknowledged: 3 } });
    expect(fleet.devices.every((device) => device.locked && device.stats.wakes === 1)).toBe(true);
  });
});
