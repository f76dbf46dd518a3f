import 'reflect-metadata';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig, prepareDatabase, SocleConfig } from '@socle/core';
import { createApiApp } from '../../api/src/create-api-app';
import { createGatewayApp } from '../../gateway/src/create-gateway-app';
import { workerModule } from '../../worker/src/worker.module';

export type AppName = 'api' | 'gateway' | 'worker';

export interface RunningApps {
  config: SocleConfig;
  apiUrl?: string;
  gatewayUrl?: string;
  close(): Promise<void>;
}

/**
 * Boots the chosen apps in this process, after creating the database if needed and applying
 * pending migrations. `npm start` runs all three: the default for a single town.
 */
export async function launchApps(names: AppName[], config: SocleConfig = loadConfig()): Promise<RunningApps> {
  const applied = await prepareDatabase(config);
  if (applied.length)
    process.stdout.write(`${JSON.stringify({ level: 30, msg: 'migrations applied', migrations: applied })}\n`);
  const closers: Array<() => Promise<void>> = [];
  const running: RunningApps = {
    config,
    close: async () => {
      for (const close of closers.reverse()) await close();
    },
  };
  if (names.includes('worker')) {
    const worker: INestApplicationContext = await NestFactory.createApplicationContext(workerModule(config), {
      bufferLogs: true,
    });
    worker.useLogger(worker.get(Logger));
    worker.enableShutdownHooks();
    await worker.init();
    closers.push(() => worker.close());
  }
  if (names.includes('api')) {
    const api = await createApiApp(config);
    await api.listen(config.apiPort);
    running.apiUrl = await api.getUrl();
    closers.push(() => api.close());
  }
  if (names.includes('gateway')) {
    const gateway = await createGatewayApp(config);
    await new Promise<void>((resolve) => gateway.server.listen(config.gatewayPort, resolve));
    running.gatewayUrl = `${config.gatewayMode === 'tls' ? 'https' : 'http'}://127.0.0.1:${config.gatewayPort}`;
    closers.push(async () => {
      await new Promise((resolve) => gateway.server.close(resolve));
      await gateway.app.close();
    });
  }
  return running;
}

/** CLI entry: a configuration error is printed plainly, with the variable's name, and stops the start. */
export async function startApps(names: AppName[]): Promise<void> {
  try {
    const running = await launchApps(names);
    const urls = [
      running.apiUrl && `api ${running.apiUrl}/api (docs: /api/docs)`,
      running.gatewayUrl && `gateway ${running.gatewayUrl}/v1`,
    ].filter(Boolean);
    process.stdout.write(`${JSON.stringify({ level: 30, msg: `Socle started: ${names.join(', ')}`, urls })}\n`);
    const stop = () => void running.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`,
    );
    process.exit(1);
  }
}
