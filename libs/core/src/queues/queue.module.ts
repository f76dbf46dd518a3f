import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { SocleConfig } from '../config/socle-config';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queue-names';
import { redisConnectionOptions } from './redis-connection';

const queues = Object.values(QueueName).map((name) => BullModule.registerQueue({ name }));

/** Global: every context may queue work without re-importing the connection. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [SocleConfig],
      useFactory: (config: SocleConfig) => ({
        connection: redisConnectionOptions(config.redisUrl),
        prefix: config.redisPrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    ...queues,
  ],
  exports: queues,
})
export class QueueModule {}
