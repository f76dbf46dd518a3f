import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { SimulatedDevice } from '@socle/agent';
import { redisConnectionOptions } from '@socle/core';
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
import { deliverJobIds, deliveryQueue, suitePrefix } from '../support/redis-keys';
import { startStack, TestStack } from '../support/test-stack';
import { killAllWorkers, WorkerProcess } from '../support/worker-process';

const FLEET = 300;
const LONG_POLLERS = 15;
/** The delivery queue's concurrency (apps/worker/src/queue-hosts.ts): what one worker holds at most. */
const DELIVERY_CONCURRENCY = 50;
/**
 * BullMQ's defaults: a dead worker's job locks last up to 30 s, and a queue is checked for stalled
 * jobs once per 30 s window, shared by all its workers (the `stalled-check` key): a first check
 * marks the active jobs, the next one requeues those whose lock is gone.
 */
const STALLED_WINDOW_MS = 30_000;

/**
 * The worker is SIGKILLed (no shutdown hook, job locks left in Redis) while it holds deliveries:
 * a second worker must finish the fan-out, recover the jobs the dead one held, and no device may
 * get its install twice.
 */
describe('Worker killed in the middle of a fan-out', () => {
  let stack: TestStack;
  let queue: Queue;
  let redis: Redis;
  let town: Tenant;
  let devices: SimulatedDevice[];
  let longPollers: SimulatedDevice[];
  let longPolling: Promise<Array<{ attempts: number; failures: number }>>;
  let profileId: string;
  let held: string[];
  let first: WorkerProcess;
  const workerEnv = { SOCLE_RECONCILE_INTERVAL_SECONDS: '2', SOCLE_SILENT_DEVICE_SECONDS: '10' };

  beforeAll(async () => {
    stack = await startStack({ redisPrefix: suitePrefix('worker-killed'), enrollRateLimitPerMinute: 100_000 });
    queue = deliveryQueue(stack.config);
    redis = new Redis(redisConnectionOptions(stack.config.redisUrl));
    // Started first so that its stalled-check window has closed by the time the second worker starts.
    first = await WorkerProcess.start(stack.config, workerEnv);
    town = await createTenant(stack);
    devices = await enrollFleet(stack, town, FLEET);
    // Their interval is an hour: they check in again only when their long-poll (GET /v1/wait) answers a wake-up.
    longPollers = devices.slice(0, LONG_POLLERS);
    longPolling = Promise.all(
      longPollers.map((device) => device.run({ longPoll: true, intervalSeconds: 3600, maxCheckins: 2 })),
    );
    // Their first check-in must be over before anything is assigned, or it would bring the install itself.
    await eventually(
      async () => longPollers.every((device) => device.stats.checkins === 1),
      (done) => done,
      30_000,
      50,
    );
  }, 120_000);

  afterAll(async () => {
    await killAllWorkers();
    stopAll(devices ?? []);
    await longPolling;
    await queue?.close();
    redis?.disconnect();
    await stack?.close();
  });

  // Scoped to this suite's commands: the workers also reconcile whatever other suites left pending in the run's database.
  const deliverJobs = async (): Promise<string[]> => {
    const [{ id: instanceId }] = await stack.dataSource.query('SELECT id FROM platform_instance');
    const rows: Array<{ id: string }> = await stack.dataSource.query(
      'SELECT id FROM device_commands WHERE profile_id = $1',
      [profileId],
    );
    return deliverJobIds(
      instanceId,
      rows.map((row) => row.id),
    );
  };
  const states = (ids: readonly string[]) => Promise.all(ids.map(async (id) => (await queue.getJob(id))?.getState()));

  it('SIGKILLs the first worker while it holds deliveries that PostgreSQL keeps from finishing', async () => {
    // Queued while paused, so the kill finds the whole fan-out still to do.
    await queue.pause();
    const profile = expectCreated(
      await town.technician.post('/api/v1/profiles', { name: 'Tablettes', restrictions: { allowCamera: false } }),
      'profile',
    );
    profileId = profile.id;
    const assigned = await town.technician.post(`/api/v1/profiles/${profileId}/assignments`, {
      collectiviteId: town.collectiviteId,
    });
    expect(assigned.body.commandsQueued).toBe(FLEET);

    const fanOut = await deliverJobs();
    expect(fanOut).toHaveLength(FLEET);

    // Each delivery reads its command first: with the table locked (a few seconds, for every suite of the run database),
    // every job the worker takes stays in its hands.
    const blocker = new Client({ connectionString: stack.config.databaseUrl });
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE device_commands IN ACCESS EXCLUSIVE MODE');
      await queue.resume();
      expect(
        await eventually(
          () => queue.getActiveCount(),
          (active) => active === DELIVERY_CONCURRENCY,
          30_000,
          100,
        ),
      ).toBe(DELIVERY_CONCURRENCY);
      const before = await states(fanOut);
      held = fanOut.filter((_, index) => before[index] === 'active');
      expect(held.length).toBeGreaterThan(0);
      expect(before.filter((state) => state !== 'active' && state !== 'waiting')).toEqual([]);

      expect(await first.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }
    // Dead, it still holds them: nobody may take them before their lock runs out.
    expect(new Set(await states(held))).toEqual(new Set(['active']));
  }, 120_000);

  it('converges every device from PostgreSQL while a second worker starts, with one install each, long-pollers included', async () => {
    // Check-ins need no worker at all: they read PostgreSQL. They start while the second worker is not there yet.
    const converging = checkInUntil(devices.slice(LONG_POLLERS), (device) => !holdsProfile(profileId)(device));
    // Once the dead worker's check window has closed, the new worker's first check marks the orphaned jobs at once.
    await eventually(
      () => redis.exists(queue.toKey('stalled-check')),
      (exists) => exists === 0,
      STALLED_WINDOW_MS + 5_000,
      250,
    );
    await WorkerProcess.start(stack.config, workerEnv);

    expect(await converging).toEqual([]);
    // Their loop ends after the check-in a wake-up brought, once its result is reported.
    expect(await longPolling).toEqual(longPollers.map(() => ({ attempts: 2, failures: 0 })));
    expect(
      longPollers
        .filter((device) => !holdsProfile(profileId)(device) || device.stats.wakes < 1)
        .map((device) => device.serialNumber),
    ).toEqual([]);

    const acknowledged = await acknowledgedInstallsPerDevice(stack, profileId);
    expect(acknowledged.size).toBe(FLEET);
    expect([...new Set(acknowledged.values())]).toEqual([1]);
    expect(
      devices.filter((device) => installsRun(device, profileId) !== 1).map((device) => device.serialNumber),
    ).toEqual([]);
  }, 150_000);

  it('recovers the jobs the dead worker held once their lock expires (stalled), and completes every delivery', async () => {
    const stalledAndDone = async () => {
      const jobs = await Promise.all(held.map((id) => queue.getJob(id)));
      const now = await Promise.all(jobs.map((job) => job?.getState()));
      return jobs.filter((job, index) => job && job.stalledCounter >= 1 && now[index] === 'completed').length;
    };
    expect(await eventually(stalledAndDone, (count) => count === held.length, 2 * STALLED_WINDOW_MS, 1_000)).toBe(
      held.length,
    );

    expect((await states(await deliverJobs())).filter((state) => state !== 'completed')).toEqual([]);
  }, 120_000);
});
