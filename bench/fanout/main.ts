import 'reflect-metadata';
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue } from 'bullmq';
import { QueueName } from '@socle/core';
import { DeliveryJobs } from '@socle/delivery';
import { acknowledgeThroughGateway, acknowledgeThroughServices } from './acknowledge';
import { publishResult } from '../support/bench-result';
import { enrollAgents } from '../support/enroll-agents';
import { BenchStack, startBenchStack } from '../support/bench-stack';
import { rawAddBulkMs } from './raw-baseline';
import { barChart, perSecond, progress, seconds, target } from '../support/report';
import { call, createBenchTenant, packsFor, seedDevices, seedPacks, seedTokens } from '../support/seed';

/**
 * A collectivité-wide profile assignment to 10,000 iPads: the time to write the 10,000 commands and
 * queue the 10,000 deliveries (one HTTP call), Socle's enqueue rate against BullMQ's raw addBulk,
 * the worker draining the deliveries, then every device acknowledging its install.
 */
const DEVICES = Number(process.env.BENCH_DEVICES ?? 10_000);
const AGENTS = Math.min(DEVICES, Number(process.env.BENCH_AGENTS ?? 500));
const ASSIGN_TARGET_MS = 2_000;
const RATIO_TARGET = 0.5;

async function main(): Promise<void> {
  const start = performance.now();
  const log = progress(start);
  console.log(
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; api, gateway, worker and agents in this one process`,
  );
  const stack = await startBenchStack();
  log(
    `database ${new URL(stack.config.databaseUrl).pathname.slice(1)} created and migrated, Redis prefix ${stack.config.redisPrefix}`,
  );
  // Ctrl+C must not leave a 10,000-device database behind.
  const interrupted = () => void stack.destroy().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    await run(stack, log);
  } finally {
    process.off('SIGINT', interrupted);
    process.off('SIGTERM', interrupted);
    await stack.destroy();
    log('bench database dropped, Redis keys deleted');
  }
}

async function run(stack: BenchStack, log: (message: string) => void): Promise<void> {
  // Setup, not timed: 10,000 iPads, of which 500 are real agents enrolled through the TLS gateway.
  const tenant = await createBenchTenant(stack.apiUrl);
  const seededCount = DEVICES - AGENTS;
  await seedDevices(
    stack.dataSource,
    tenant,
    await seedPacks(stack.dataSource, tenant, packsFor(seededCount), 'Pack '),
    seededCount,
  );
  const agentPacks = await seedPacks(stack.dataSource, tenant, packsFor(AGENTS), 'Pack agents ');
  log(`seeded ${seededCount} devices in ${packsFor(seededCount)} packs with set-based SQL`);
  const agents = await enrollAgents(stack, await seedTokens(stack.dataSource, tenant, agentPacks), AGENTS);
  log(`enrolled ${agents.length} agents (one shared RSA key) in ${agentPacks.length} packs through the gateway`);
  const profile = await call(stack.apiUrl, 'POST', '/api/v1/profiles', tenant.technician, {
    name: 'Tablettes de la communauté',
    restrictions: { allowCamera: false },
  });

  const rawBefore = await rawAddBulkMs(stack.config, DEVICES);
  log(`raw BullMQ addBulk, ${DEVICES} jobs: ${seconds(rawBefore)}`);

  console.log(`\nAssigning the profile to the whole collectivité (${DEVICES} devices)`);
  const enqueue = timeEnqueues(stack, log);
  const assignStart = performance.now();
  const assigned = await call(stack.apiUrl, 'POST', `/api/v1/profiles/${profile.id}/assignments`, tenant.technician, {
    collectiviteId: tenant.collectiviteId,
  });
  const assignMs = performance.now() - assignStart;
  log(
    `POST /profiles/:id/assignments answered: ${assigned.commandsQueued} commands queued in ${seconds(assignMs)} (of which enqueue ${seconds(enqueue.ms)})`,
  );
  if (assigned.commandsQueued !== DEVICES || enqueue.jobs !== DEVICES)
    throw new Error(`expected ${DEVICES} commands and jobs, got ${assigned.commandsQueued} and ${enqueue.jobs}`);

  const rawAfter = await rawAddBulkMs(stack.config, DEVICES);
  log(`raw BullMQ addBulk again, ${DEVICES} jobs: ${seconds(rawAfter)}`);
  const rawMs = Math.min(rawBefore, rawAfter);

  console.log('\nWorker draining the deliveries (each reloads its command and publishes a wake-up)');
  const drainMs = await drainDeliveries(stack, log);

  console.log(
    `\nDevices acknowledging, all at once: ${AGENTS} agents over mutual TLS and ${seededCount} through the service layer`,
  );
  const seededIds = (await stack.dataSource.query(`SELECT id FROM devices WHERE serial_number LIKE 'BENCH-%'`)).map(
    (row: { id: string }) => row.id,
  );
  const ackStart = performance.now();
  const timed = async (work: Promise<number>) => ({ count: await work, ms: performance.now() - ackStart });
  const [gateway, services] = await Promise.all([
    timed(acknowledgeThroughGateway(agents, 16)),
    timed(acknowledgeThroughServices(stack, seededIds, 16)),
  ]);
  const ackMs = performance.now() - ackStart;
  log(`${gateway.count} installs acknowledged by real check-ins over mTLS, the last after ${seconds(gateway.ms)}`);
  log(
    `${services.count} installs acknowledged through CheckinService + applyResult, the last after ${seconds(services.ms)}`,
  );
  for (const agent of agents) agent.stop();
  const [{ count: acknowledged }] = await stack.dataSource.query(
    `SELECT count(*)::int AS count FROM device_commands WHERE profile_id = $1 AND status = 'acknowledged'`,
    [profile.id],
  );

  const socleEnqueueRate = perSecond(DEVICES, enqueue.ms);
  const rawRate = perSecond(DEVICES, rawMs);
  console.log('\nEnqueue (10,000 deliver-command jobs, chunks of 1,000)');
  console.log(
    barChart(
      [
        { label: 'raw BullMQ addBulk (best of 2)', perSecond: rawRate },
        { label: 'Socle DeliveryJobs.enqueue', perSecond: socleEnqueueRate },
        { label: 'Socle assignment (persist + enqueue)', perSecond: perSecond(DEVICES, assignMs) },
      ],
      'jobs',
    ),
  );
  console.log(`  Socle enqueue / raw addBulk: ${((socleEnqueueRate / rawRate) * 100).toFixed(1)} %`);
  console.log('\nDelivery, then acknowledgement (the two groups of devices at the same time)');
  console.log(
    barChart(
      [
        { label: 'worker: deliver-command jobs', perSecond: perSecond(DEVICES, drainMs) },
        { label: 'agents: check-in + result over mTLS', perSecond: perSecond(gateway.count, gateway.ms) },
        { label: 'service layer: check-in + result', perSecond: perSecond(services.count, services.ms) },
        { label: 'all devices together', perSecond: perSecond(gateway.count + services.count, ackMs) },
      ],
      'devices',
    ),
  );
  console.log(
    `  assignment → ${acknowledged} of ${DEVICES} acknowledged: ${seconds(assignMs + drainMs + ackMs)} ` +
      `(assign ${seconds(assignMs)} + worker drain ${seconds(drainMs)} + acknowledgements ${seconds(ackMs)}; the worker's wake-ups and the check-ins are not overlapped here)`,
  );

  console.log('\nTargets');
  console.log(
    target(
      `persist ${DEVICES} commands and enqueue ${DEVICES} deliveries`,
      seconds(assignMs),
      `< ${seconds(ASSIGN_TARGET_MS)}`,
      assignMs < ASSIGN_TARGET_MS,
    ),
  );
  console.log(
    target(
      'Socle enqueue rate / raw addBulk',
      (socleEnqueueRate / rawRate).toFixed(2),
      `≥ ${RATIO_TARGET}`,
      socleEnqueueRate / rawRate >= RATIO_TARGET,
    ),
  );
  console.log(
    target(
      'every device acknowledged its install once',
      `${acknowledged}/${DEVICES}`,
      `${DEVICES}/${DEVICES}`,
      acknowledged === DEVICES,
    ),
  );
  publishResult({
    bench: 'fanout',
    figure: `commands persisted + deliveries queued (${DEVICES} devices)`,
    unit: 'jobs/s',
    measured: socleEnqueueRate,
    baseline: rawRate,
    ratio: socleEnqueueRate / rawRate,
    target: `ratio ≥ ${RATIO_TARGET}, all acknowledged`,
    met: socleEnqueueRate / rawRate >= RATIO_TARGET && acknowledged === DEVICES,
  });
  if (acknowledged !== DEVICES) process.exitCode = 1;
}

/** Times DeliveryJobs.enqueue inside the api (the assignment calls it after its commit) and prints each chunk. */
function timeEnqueues(stack: BenchStack, log: (message: string) => void): { ms: number; jobs: number } {
  const jobs = stack.api.get(DeliveryJobs);
  const original = jobs.enqueue.bind(jobs);
  const measured = { ms: 0, jobs: 0 };
  jobs.enqueue = async (commandIds, onProgress) => {
    const started = performance.now();
    try {
      return await original(commandIds, (done, total) => {
        log(`  enqueued ${done}/${total}`);
        onProgress?.(done, total);
      });
    } finally {
      measured.ms += performance.now() - started;
      measured.jobs += commandIds.length;
    }
  };
  return measured;
}

async function drainDeliveries(stack: BenchStack, log: (message: string) => void): Promise<number> {
  const queue = stack.api.get<Queue>(getQueueToken(QueueName.Delivery));
  const left = async () =>
    Object.values(await queue.getJobCounts('waiting', 'active', 'delayed', 'paused', 'prioritized')).reduce(
      (sum, count) => sum + count,
      0,
    );
  const worker = await stack.startWorker();
  const started = performance.now();
  let remaining = await left();
  while (remaining > 0) {
    await sleep(500);
    remaining = await left();
    log(`  ${remaining} deliveries left`);
  }
  const drainMs = performance.now() - started;
  await worker.close();
  return drainMs;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
