import 'reflect-metadata';
import { cpus } from 'node:os';
import { PkiService } from '@socle/pki';
import { publishResult } from '../support/bench-result';
import { BenchStack, startBenchStack } from '../support/bench-stack';
import { enrollAgents } from '../support/enroll-agents';
import { progress } from '../support/report';
import { createBenchTenant, packsFor, seedPacks, seedTokens } from '../support/seed';
import { BenchDevice, generateLoad, LoadOptions, LoadResult } from './load-generator';
import { startRawCheckinServer } from './raw-checkin-server';

/**
 * Check-ins over mutual TLS from a fleet of enrolled devices, against Socle's gateway and against a
 * raw node:https + pg server doing the least a check-in must do, alternating in this one process
 * (load generator included). Phase 1: nothing to hand over. Phase 2: every device has one command to
 * fetch and acknowledge.
 */
const DEVICES = Number(process.env.BENCH_DEVICES ?? 10_000);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 8_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CHECKINS_PER_CONNECTION = Number(process.env.BENCH_CHECKINS_PER_CONNECTION ?? 10);
const TARGET = { ratio: 0.7, perSecond: 1_500, p99Ms: 100, acknowledgeRatio: 0.5 };

async function main(): Promise<void> {
  const log = progress(performance.now());
  console.log(
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; gateway, raw server and load generator in this one process`,
  );
  const stack = await startBenchStack();
  const interrupted = () => void stack.destroy().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  try {
    await run(stack, log);
  } finally {
    process.off('SIGINT', interrupted);
    await stack.destroy();
    log('bench database dropped, Redis keys deleted');
  }
}

async function run(stack: BenchStack, log: (message: string) => void): Promise<void> {
  const tenant = await createBenchTenant(stack.apiUrl);
  const packs = await seedPacks(stack.dataSource, tenant, packsFor(DEVICES), 'Pack ');
  const agents = await enrollAgents(stack, await seedTokens(stack.dataSource, tenant, packs), DEVICES, 16, (count) =>
    log(`${count} devices enrolled`),
  );
  log(`${agents.length} devices enrolled through the gateway in ${packs.length} packs (one shared RSA key)`);
  const devices: BenchDevice[] = agents.map((agent) => ({
    certificatePem: agent.identity!.certificatePem,
    intermediatePems: agent.identity!.caChainPems.filter((pem) => pem.trim() !== stack.rootCaPem.trim()),
    privateKeyPem: agent.identity!.privateKeyPem,
  }));
  const tls = await stack.gateway.app.get(PkiService).gatewayTlsCredentials(stack.config.gatewayHostnames);
  const raw = await startRawCheckinServer(stack.config.databaseUrl, tls);
  try {
    const load = (url: string, overrides: Partial<LoadOptions> = {}) =>
      generateLoad({
        url,
        caPem: stack.rootCaPem,
        devices,
        connections: CONNECTIONS,
        durationMs: ROUND_MS,
        checkinsPerConnection: CHECKINS_PER_CONNECTION,
        acknowledge: false,
        ...overrides,
      });
    console.log(
      `\nPhase 1: nothing to hand over, ${CONNECTIONS} connections, ${CHECKINS_PER_CONNECTION} check-ins per connection`,
    );
    await load(stack.gatewayUrl, { durationMs: 2_000 });
    await load(raw.url, { durationMs: 2_000 });
    log('warm-up done (2 s each)');
    const socle: LoadResult[] = [];
    const baseline: LoadResult[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      socle.push(await load(stack.gatewayUrl));
      log(`round ${round} Socle: ${describe(socle.at(-1)!)}`);
      baseline.push(await load(raw.url));
      log(`round ${round} raw:   ${describe(baseline.at(-1)!)}`);
    }
    const socleBest = median(socle);
    const rawBest = median(baseline);
    const ratio = socleBest.perSecond / rawBest.perSecond;
    publishResult({
      bench: 'checkin',
      figure: `check-ins/s, nothing due (${DEVICES} devices, ${CONNECTIONS} conn.)`,
      unit: '/s',
      measured: socleBest.perSecond,
      baseline: rawBest.perSecond,
      ratio,
      target: `ratio ≥ ${TARGET.ratio}, ≥ ${TARGET.perSecond}/s`,
      met: ratio >= TARGET.ratio && socleBest.perSecond >= TARGET.perSecond,
    });
    publishResult({
      bench: 'checkin',
      figure: 'check-in p99 latency, nothing due',
      unit: 'ms',
      measured: socleBest.p99,
      baseline: rawBest.p99,
      ratio: rawBest.p99 / socleBest.p99,
      target: `< ${TARGET.p99Ms} ms`,
      met: socleBest.p99 < TARGET.p99Ms,
    });

    console.log(`\nPhase 2: every device has one command to fetch and acknowledge`);
    const once = { durationMs: 10 * 60_000, maxCheckins: DEVICES, checkinsPerConnection: 1, acknowledge: true };
    await seedOneCommandPerDevice(stack);
    const socleAcks = await load(stack.gatewayUrl, once);
    log(`Socle: ${describe(socleAcks)}, ${socleAcks.acknowledged} acknowledged`);
    await seedOneCommandPerDevice(stack);
    const rawAcks = await load(raw.url, once);
    log(`raw:   ${describe(rawAcks)}, ${rawAcks.acknowledged} acknowledged`);
    const acknowledgeRatio = socleAcks.perSecond / rawAcks.perSecond;
    publishResult({
      bench: 'checkin',
      figure: 'check-ins/s, one command fetched and acknowledged',
      unit: '/s',
      measured: socleAcks.perSecond,
      baseline: rawAcks.perSecond,
      ratio: acknowledgeRatio,
      target: `ratio ≥ ${TARGET.acknowledgeRatio}`,
      met: acknowledgeRatio >= TARGET.acknowledgeRatio && socleAcks.acknowledged === DEVICES,
    });
  } finally {
    await raw.close();
  }
}

/** One open command per device, written in one statement (set-up, not timed): a technician's "refresh inventory" on the whole fleet. */
async function seedOneCommandPerDevice(stack: BenchStack): Promise<void> {
  await stack.dataSource.query(
    `UPDATE device_commands SET status = 'superseded' WHERE status IN ('pending', 'delivered')`,
  );
  await stack.dataSource.query(
    `INSERT INTO device_commands (collectivite_id, device_id, type, payload) SELECT collectivite_id, id, 'refresh_inventory', '{}' FROM devices`,
  );
}

function describe(result: LoadResult): string {
  const errors = result.errors ? `, ${result.errors} errors (first: ${result.firstError})` : '';
  return `${result.perSecond.toFixed(0)} check-ins/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms${errors}`;
}

const median = (results: LoadResult[]) =>
  [...results].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(results.length / 2)];

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
