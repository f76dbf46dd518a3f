import { WorkerHost } from '@nestjs/bullmq';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ProcessPart } from '@socle/core';
import { QUEUE_HOSTS } from './queue-hosts';
import { workerModule } from './worker.module';

/**
 * The BullMQ processors, as a part of the process. Draining closes each BullMQ worker, which takes
 * no new job and waits for the running ones to finish; a job cut short by the time limit is
 * retried by BullMQ (stalled) and harmless twice, as every job is.
 */
export const workerPart: ProcessPart = {
  name: 'worker',
  async start(config) {
    const context = await NestFactory.createApplicationContext(workerModule(config), { bufferLogs: true });
    context.useLogger(context.get(Logger));
    await context.init();
    const workers = QUEUE_HOSTS.map((host) => (context.get(host) as WorkerHost).worker);
    return {
      name: 'worker',
      health: async () => {
        const stopped = workers.filter((worker) => !worker.isRunning()).map((worker) => worker.name);
        return stopped.length ? { up: false, detail: `not running: ${stopped.join(', ')}` } : { up: true };
      },
      drain: async () => {
        await Promise.all(workers.map((worker) => worker.close()));
      },
      close: () => context.close(),
    };
  },
};
