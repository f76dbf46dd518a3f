import { Agent, request } from 'node:https';
import { LatencyRecorder } from '../support/latency';

export interface BenchDevice {
  certificatePem: string;
  intermediatePems: string[];
  privateKeyPem: string;
}

export interface LoadOptions {
  url: string;
  caPem: string;
  devices: readonly BenchDevice[];
  connections: number;
  /** Stop after this long, or when `maxCheckins` is reached, whichever comes first. */
  durationMs: number;
  maxCheckins?: number;
  /** A device's TLS connection is kept alive for this many check-ins, then the next device connects. */
  checkinsPerConnection: number;
  /** Report every command received as acknowledged, as a device that carried it out would. */
  acknowledge: boolean;
}

export interface LoadResult {
  checkins: number;
  acknowledged: number;
  errors: number;
  firstError?: string;
  elapsedMs: number;
  perSecond: number;
  p50: number;
  p99: number;
}

const BODY = (index: number) =>
  JSON.stringify({
    osVersion: '18.1',
    battery: { level: 40 + (index % 60), charging: true, health: 92 },
    storage: { freeBytes: 21_474_836_480, totalBytes: 68_719_476_736 },
    profiles: [],
    docked: true,
  });

function post(agent: Agent, url: string, path: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      `${url}${path}`,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('error', reject);
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/**
 * A lean load generator, so that the measurement is of the server and not of the simulator: each
 * of `connections` loops takes the next device of the fleet, opens its mutual-TLS connection, checks
 * in `checkinsPerConnection` times over it (acknowledging what it is handed), closes it, and goes on
 * with the next device. Socle's gateway and the raw server are driven by the same code.
 */
export async function generateLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies = new LatencyRecorder();
  const start = performance.now();
  const deadline = start + options.durationMs;
  const limit = options.maxCheckins ?? Number.POSITIVE_INFINITY;
  let next = 0;
  let started = 0;
  let acknowledged = 0;
  let errors = 0;
  let firstError: string | undefined;
  const fail = (message: string) => {
    errors++;
    firstError ??= message;
  };

  const connectionLoop = async () => {
    while (performance.now() < deadline && started < limit) {
      const index = next++ % options.devices.length;
      const device = options.devices[index];
      const agent = new Agent({
        keepAlive: true,
        maxSockets: 1,
        key: device.privateKeyPem,
        cert: [device.certificatePem, ...device.intermediatePems].join('\n'),
        ca: options.caPem,
      });
      try {
        for (let round = 0; round < options.checkinsPerConnection; round++) {
          if (performance.now() >= deadline || started >= limit) break;
          started++;
          const sent = performance.now();
          const answer = await post(agent, options.url, '/v1/checkin', BODY(index));
          latencies.record(performance.now() - sent);
          if (answer.status !== 200) {
            fail(`check-in answered ${answer.status}: ${answer.text.slice(0, 200)}`);
            continue;
          }
          if (!options.acknowledge) continue;
          for (const command of JSON.parse(answer.text).commands as Array<{ id: string }>) {
            const result = await post(
              agent,
              options.url,
              `/v1/commands/${command.id}/result`,
              '{"status":"acknowledged"}',
            );
            if (result.status === 200 || result.status === 201) acknowledged++;
            else fail(`result answered ${result.status}: ${result.text.slice(0, 200)}`);
          }
        }
      } catch (error) {
        fail((error as Error).message);
      } finally {
        agent.destroy();
      }
    }
  };

  await Promise.all(Array.from({ length: options.connections }, connectionLoop));
  const elapsedMs = performance.now() - start;
  return {
    checkins: latencies.count,
    acknowledged,
    errors,
    firstError,
    elapsedMs,
    perSecond: (latencies.count * 1000) / elapsedMs,
    p50: latencies.percentile(0.5),
    p99: latencies.percentile(0.99),
  };
}
