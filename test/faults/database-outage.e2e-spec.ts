import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { AgentHttpError, SimulatedDevice } from '@socle/agent';
import { DeliveryJobs } from '@socle/delivery';
import { eventually } from '../support/eventually';
import { createTenant, Tenant } from '../support/factories';
import { enrollFleet } from '../support/fleet-at-scale';
import { deliverJobIds, deliveryQueue, suitePrefix } from '../support/redis-keys';
import { TcpProxy } from '../support/tcp-proxy';
import { startStack, TestStack } from '../support/test-stack';

const RECOVERY_MS = 20_000;
/** Not a performance bound: only how long a request may stay unanswered before the test calls it hung. */
const HANG_GUARD_MS = 20_000;

/** The response, or a marker saying there was none: a hung request must fail the test, not time it out. */
async function unlessHung<T>(request: Promise<T>): Promise<T | { status: 'no answer'; body: undefined }> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<{ status: 'no answer'; body: undefined }>(
    (resolve) => (timer = setTimeout(() => resolve({ status: 'no answer', body: undefined }), HANG_GUARD_MS)),
  );
  try {
    return await Promise.race([request, hung]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * PostgreSQL goes away for a moment (restart, failover, network): the api and the gateway answer a
 * clean 503 DATABASE_UNAVAILABLE in French instead of a 500 or a hang, and recover by themselves
 * when it is back, without a restart. The outage is made by a TCP proxy in front of PostgreSQL, so
 * the PostgreSQL other suites share is never touched.
 */
describe('PostgreSQL unreachable for a moment', () => {
  let proxy: TcpProxy;
  let stack: TestStack;
  let town: Tenant;
  let device: SimulatedDevice;
  let queue: Queue;

  beforeAll(async () => {
    const direct = new URL(process.env.SOCLE_DATABASE_URL!);
    proxy = await TcpProxy.start({ host: direct.hostname, port: Number(direct.port || 5432) });
    stack = await startStack({
      databaseUrl: proxy.proxiedUrl(direct.toString()),
      redisPrefix: suitePrefix('database-outage'),
    });
    town = await createTenant(stack);
    [device] = await enrollFleet(stack, town, 1);
    queue = deliveryQueue(stack.config);
  }, 60_000);

  afterAll(async () => {
    device?.stop();
    proxy?.restore();
    await queue?.close();
    await stack?.close();
    await proxy?.close();
  });

  afterEach(() => proxy.restore());

  const schools = () => town.technician.get('/api/v1/schools');

  it('answers 503 DATABASE_UNAVAILABLE with a French message while PostgreSQL is gone, then 200 again by itself', async () => {
    const before = await schools();
    expect(before.status).toBe(200);

    proxy.cut();
    const during = await schools();
    expect(during.status).toBe(503);
    expect(during.body).toEqual({
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: expect.stringMatching(/base de données.*réessayez/),
      requestId: expect.any(String),
    });

    proxy.restore();
    const after = await eventually(schools, (response) => response.status !== 503, RECOVERY_MS);
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before.body);
  }, 60_000);

  it('reports the database down on /api/health (503), and up again once it is back', async () => {
    expect((await stack.api.get('/api/health')).status).toBe(200);
    proxy.cut();
    const down = await stack.api.get('/api/health');
    expect(down.status).toBe(503);
    // Which dependency is down is what an operator (or a load balancer's log) needs, in the usual error shape.
    expect(down.body).toMatchObject({
      statusCode: 503,
      code: expect.stringMatching(/_UNAVAILABLE$/),
      error: { database: { status: 'down' } },
      info: { redis: { status: 'up' } },
    });

    proxy.restore();
    const up = await eventually(
      () => stack.api.get('/api/health'),
      (response) => response.status === 200,
      RECOVERY_MS,
    );
    expect(up.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });
  }, 60_000);

  it('answers 503 DATABASE_UNAVAILABLE instead of hanging while PostgreSQL does not answer at all, then recovers', async () => {
    // The pool now holds open connections: the next request is sent on one of them into the silence.
    expect((await schools()).status).toBe(200);
    proxy.freeze();
    const during = await unlessHung(schools());
    proxy.restore();
    expect(during).toMatchObject({ status: 503, body: { code: 'DATABASE_UNAVAILABLE' } });
    expect((await eventually(schools, (response) => response.status === 200, RECOVERY_MS)).status).toBe(200);
  }, 60_000);

  it('turns a device away with 503 DATABASE_UNAVAILABLE at check-in, then serves it again', async () => {
    proxy.cut();
    const refused = await device.checkIn().catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(AgentHttpError);
    expect(refused).toMatchObject({ status: 503, code: 'DATABASE_UNAVAILABLE' });

    proxy.restore();
    const served = await eventually(
      () =>
        device.checkIn().then(
          () => true,
          () => false,
        ),
      (ok) => ok,
      RECOVERY_MS,
    );
    expect(served).toBe(true);
  }, 60_000);

  it('queues deliveries again once PostgreSQL is back, even when its first attempt met the outage', async () => {
    // A fresh DeliveryJobs looks the platform instance id up on its first enqueue: here, during the outage.
    const jobs = new DeliveryJobs(queue, stack.dataSource);
    proxy.cut();
    await expect(jobs.enqueue([randomUUID()])).rejects.toThrow();

    proxy.restore();
    await eventually(schools, (response) => response.status === 200, RECOVERY_MS);
    const commandId = randomUUID();
    await expect(jobs.enqueue([commandId])).resolves.toBeUndefined();
    const [{ id: instanceId }] = await stack.dataSource.query('SELECT id FROM platform_instance');
    expect(await queue.getJob(deliverJobIds(instanceId, [commandId])[0])).toBeDefined();
  }, 60_000);
});
