import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AddressInfo } from 'node:net';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { loadConfig, prepareDatabase, redisConnectionOptions, SocleConfig } from '@socle/core';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { createGatewayApp, GatewayApp } from '../../apps/gateway/src/create-gateway-app';
import { workerModule } from '../../apps/worker/src/worker.module';

export const OPERATOR = { email: 'operateur@bench.socle.test', password: 'operateur-mot-de-passe-de-bench' };

export interface BenchStack {
  config: SocleConfig;
  api: INestApplication;
  apiUrl: string;
  gateway: GatewayApp;
  gatewayUrl: string;
  rootCaPem: string;
  dataSource: DataSource;
  /** The worker in this process; `close` may be called early, the final clean-up then skips it. */
  startWorker(): Promise<{ context: INestApplicationContext; close(): Promise<void> }>;
  /** Closes the apps, drops the bench database and deletes the bench's Redis keys. */
  destroy(): Promise<void>;
}

/** The api and the TLS gateway in this process, on a database and a Redis prefix of their own, created for this run. */
export async function startBenchStack(): Promise<BenchStack> {
  const runId = `${Date.now()}`;
  const base = new URL(process.env.SOCLE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  base.pathname = `/socle_bench_${runId}`;
  Object.assign(process.env, {
    SOCLE_DATABASE_URL: base.toString(),
    SOCLE_REDIS_PREFIX: `socle-bench-${runId}`,
    SOCLE_LOG_LEVEL: process.env.SOCLE_LOG_LEVEL ?? 'silent',
    SOCLE_BOOTSTRAP_ADMIN_EMAIL: OPERATOR.email,
    SOCLE_BOOTSTRAP_ADMIN_PASSWORD: OPERATOR.password,
    // 500 agents enroll from one address, like a whole town behind one NAT.
    SOCLE_ENROLL_RATE_LIMIT_PER_MINUTE: '100000',
  });
  const config = loadConfig();
  await prepareDatabase(config);
  const closers: Array<() => Promise<unknown>> = [() => dropBenchData(config)];
  try {
    const api = await createApiApp(config);
    await api.listen(0, '127.0.0.1');
    closers.push(() => api.close());
    const gateway = await createGatewayApp(config);
    await new Promise<void>((resolve) => gateway.server.listen(0, '127.0.0.1', resolve));
    closers.push(async () => {
      gateway.server.closeAllConnections?.();
      await new Promise((resolve) => gateway.server.close(resolve));
      await gateway.app.close();
    });
    const gatewayUrl = `https://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`;
    config.publicGatewayUrl = gatewayUrl;
    const dataSource = api.get(DataSource);
    const [root] = await dataSource.query(`SELECT certificate_pem FROM certificate_authorities WHERE kind = 'root'`);
    return {
      config,
      api,
      apiUrl: `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`,
      gateway,
      gatewayUrl,
      rootCaPem: root.certificate_pem,
      dataSource,
      startWorker: async () => {
        const context = await NestFactory.createApplicationContext(workerModule(config), { logger: false });
        await context.init();
        let closing: Promise<void> | undefined;
        const close = () => (closing ??= context.close());
        closers.push(close);
        return { context, close };
      },
      destroy: () => closeAll(closers),
    };
  } catch (error) {
    await closeAll(closers);
    throw error;
  }
}

async function closeAll(closers: Array<() => Promise<unknown>>): Promise<void> {
  for (const close of closers.reverse())
    await close().catch((error: unknown) => console.error(`cleanup: ${(error as Error).message}`));
}

async function dropBenchData(config: SocleConfig): Promise<void> {
  const url = new URL(config.databaseUrl);
  const name = url.pathname.slice(1);
  url.pathname = '/postgres';
  const admin = new Client({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
  const redis = new Redis(redisConnectionOptions(config.redisUrl));
  for await (const keys of redis.scanStream({ match: `${config.redisPrefix}:*`, count: 1_000 }) as AsyncIterable<
    string[]
  >) {
    if (keys.length) await redis.unlink(...keys);
  }
  redis.disconnect();
}
