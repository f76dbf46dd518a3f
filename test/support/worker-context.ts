import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig, SocleConfig } from '@socle/core';
import { workerModule } from '../../apps/worker/src/worker.module';

/**
 * The worker's module in this test's own process (no HTTP server), on the config the test gives:
 * for suites that stop and restart it around a fault. `WorkerProcess` is the one to SIGKILL.
 */
export async function startWorker(overrides: Partial<SocleConfig>): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(workerModule(Object.assign(loadConfig(), overrides)), {
    logger: false,
  });
  await worker.init();
  return worker;
}
