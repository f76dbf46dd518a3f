import 'reflect-metadata';
import { Agent, request } from 'node:http';
import { cpus } from 'node:os';
import { publishResult } from '../support/bench-result';
import { startBenchStack } from '../support/bench-stack';
import { LatencyRecorder } from '../support/latency';
import { progress } from '../support/report';
import { createBenchTenant, seedDevices, seedPacks } from '../support/seed';
import { startRawApiServer } from './raw-api-server';

/**
 * An authenticated admin read (`GET /api/v1/packs/:id`: bearer JWT, actor loaded, pack and its 15
 * devices) at a fixed concurrency, against the api and against a raw node:http + pg server doing the
 * same three queries, alternating in this one process.
 */
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGET_PER_SECOND = 1_500;

function get(agent: Agent, url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (incoming) => {
      incoming.resume();
      incoming.on('end', () => resolve(incoming.statusCode ?? 0));
      incoming.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}

async function measure(url: string, token: string, durationMs: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = new LatencyRecorder();
  let errors = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline) {
        const sent = performance.now();
        const status = await get(agent, url, token).catch(() => 0);
        latencies.record(performance.now() - sent);
        if (status !== 200) errors++;
      }
    }),
  );
  agent.destroy();
  const elapsed = performance.now() - start;
  return { perSecond: (latencies.count * 1000) / elapsed, p99: latencies.percentile(0.99), errors };
}

async function main(): Promise<void> {
  const log = progress(performance.now());
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`);
  const stack = await startBenchStack();
  const raw = await startRawApiServer(stack.config.databaseUrl, stack.config.jwtSecret);
  try {
    const tenant = await createBenchTenant(stack.apiUrl);
    const [packId] = await seedPacks(stack.dataSource, tenant, 1, 'Pack lu ');
    await seedDevices(stack.dataSource, tenant, [packId], 15);
    const path = `/api/v1/packs/${packId}`;
    await measure(`${stack.apiUrl}${path}`, tenant.technician, 1_000);
    await measure(`${raw.url}${path}`, tenant.technician, 1_000);
    const socle: number[] = [];
    const baseline: number[] = [];
    let p99 = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const api = await measure(`${stack.apiUrl}${path}`, tenant.technician, ROUND_MS);
      const plain = await measure(`${raw.url}${path}`, tenant.technician, ROUND_MS);
      if (api.errors || plain.errors) throw new Error(`errors: api ${api.errors}, raw ${plain.errors}`);
      socle.push(api.perSecond);
      baseline.push(plain.perSecond);
      p99 = Math.max(p99, api.p99);
      log(
        `round ${round}: api ${api.perSecond.toFixed(0)}/s (p99 ${api.p99.toFixed(1)} ms), raw ${plain.perSecond.toFixed(0)}/s`,
      );
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const measured = median(socle);
    const rawMedian = median(baseline);
    publishResult({
      bench: 'api',
      figure: `GET /packs/:id, JWT + actor, concurrency ${CONCURRENCY}`,
      unit: '/s',
      measured,
      baseline: rawMedian,
      ratio: measured / rawMedian,
      target: `≥ ${TARGET_PER_SECOND}/s`,
      met: measured >= TARGET_PER_SECOND,
    });
  } finally {
    await raw.close();
    await stack.destroy();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
