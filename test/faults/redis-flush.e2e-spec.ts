import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Queue } from 'bullmq';
import { SimulatedDevice } from '@socle/agent';
import { loadConfig } from '@socle/core';
import { workerModule } from '../../apps/worker/src/worker.module';
import { eventually } from '../support/eventually';
import { createTenant, expectCreated, Tenant } from '../support/factories';
import {
  acknowledgedInstallsPerDevice,
  checkInUntil,
  enrollFleet,
  holdsProfile,
  installsRun,
  stopAll,
} from '../support/fleet-at-scale';
import { deleteKeysWithPrefix, deliverJobIds, deliveryQueue, jobsPresent, suitePrefix } from '../support/redis-keys';
import { startStack, TestStack } from '../support/test-stack';

const FLEET = 1_000;
const RECONCILE_SECONDS = 2;

/**
 * PostgreSQL is the truth and BullMQ only wakes devices: losing every Redis key of the instance
 * halfway through a collectivité-wide push must neither lose nor duplicate an install. The "flush"
 * deletes this suite's prefix only, not FLUSHALL: other runs and suites share the Redis.
 */
describe('Redis loses all its keys in the middle of a 1,000-device fan-out', () => {
  let stack: TestStack;
  let worker: INestApplicationContext;
  let queue: Queue;
  let town: Tenant;
  let devices: SimulatedDevice[];
  let profileId: string;
  // Calls through: only watched, to tell whether the worker left an error without a listener.
  const consoleErrors = jest.spyOn(console, 'error');

  beforeAll(async () => {
    // A prefix of its own: deleting it cannot touch another suite running beside this one.
    const overrides = {
      redisPrefix: suitePrefix('redis-flush'),
      enrollRateLimitPerMinute: 100_000,
      reconcileIntervalSeconds: RECONCILE_SECONDS,
    };
    stack = await startStack(overrides);
    worker = await NestFactory.createApplicationContext(workerModule(Object.assign(loadConfig(), overrides)), {
      logger: false,
    });
    await worker.init();
    queue = deliveryQueue(stack.config);
    town = await createTenant(stack);
    devices = await enrollFleet(stack, town, FLEET);
  }, 120_000);

  afterAll(async () => {
    consoleErrors.mockRestore();
    stopAll(devices ?? []);
    await queue?.close();
    await worker?.close();
    await stack?.close();
  });

  const commandIds = async (status: string): Promise<string[]> =>
    (
      await stack.dataSource.query(`SELECT id FROM device_commands WHERE profile_id = $1 AND status = $2`, [
        profileId,
        status,
      ])
    ).map((row: { id: string }) => row.id);
  const deliverJobs = async (status: string) =>
    deliverJobIds((await stack.dataSource.query('SELECT id FROM platform_instance'))[0].id, await commandIds(status));
  const flush = () => deleteKeysWithPrefix(stack.config.redisUrl, stack.config.redisPrefix);

  it('loses the deliveries while the worker works through them, and again once half the fleet has acknowledged', async () => {
    const profile = expectCreated(
      await town.technician.post('/api/v1/profiles', { name: 'Ville entière', restrictions: { allowCamera: false } }),
      'profile',
    );
    profileId = profile.id;
    const assigned = await town.technician.post(`/api/v1/profiles/${profileId}/assignments`, {
      collectiviteId: town.collectiviteId,
    });
    expect(assigned.body.commandsQueued).toBe(FLEET);
    // At once: the 1,000 deliveries are still queued or in the worker's hands.
    expect(await flush()).toBeGreaterThan(0);

    expect(await checkInUntil(devices.slice(0, FLEET / 2), (device) => !holdsProfile(profileId)(device))).toEqual([]);
    expect(await commandIds('pending')).toHaveLength(FLEET / 2);
    expect(await flush()).toBeGreaterThan(0);
    // Redis no longer knows the fan-out: not even the deliveries of the installs already acknowledged.
    expect(await jobsPresent(queue, await deliverJobs('acknowledged'))).toBe(0);
  }, 120_000);

  it('re-queues a delivery for every command still pending, from PostgreSQL, and the worker carries them out, without a restart', async () => {
    const pending = await deliverJobs('pending');
    expect(pending).toHaveLength(FLEET / 2);
    const completed = async () =>
      (await Promise.all(pending.map(async (id) => (await queue.getJob(id))?.getState()))).filter(
        (state) => state === 'completed',
      ).length;
    expect(await eventually(completed, (count) => count === pending.length, 5 * RECONCILE_SECONDS * 1000, 500)).toBe(
      pending.length,
    );
  }, 60_000);

  it('converges every device with exactly one acknowledged install, whatever Redis forgot', async () => {
    expect(await checkInUntil(devices, (device) => !holdsProfile(profileId)(device))).toEqual([]);

    const acknowledged = await acknowledgedInstallsPerDevice(stack, profileId);
    expect(acknowledged.size).toBe(FLEET);
    expect([...new Set(acknowledged.values())]).toEqual([1]);
    expect(
      devices.filter((device) => installsRun(device, profileId) !== 1).map((device) => device.serialNumber),
    ).toEqual([]);
    const status = await town.technician.get(`/api/v1/profiles/${profileId}/status`);
    expect(status.body.counts).toEqual({ pending: 0, delivered: 0, acknowledged: FLEET, failed: 0 });
  }, 120_000);

  it('leaves no worker error unhandled when Redis loses jobs under it (they belong in the JSON log)', () => {
    // Without an 'error' listener on a BullMQ worker, each one ends up as a bare "Unhandled error" on console.error.
    const unhandled = consoleErrors.mock.calls
      .map((call) => call.map(String).join(' '))
      .filter((line) => line.includes('Unhandled error'));
    expect({ count: unhandled.length, first: unhandled[0]?.slice(0, 200) }).toEqual({ count: 0, first: undefined });
  });
});
