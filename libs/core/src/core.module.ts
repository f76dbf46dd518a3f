import { DynamicModule, Module } from '@nestjs/common';
import { SocleConfigModule } from './config/config.module';
import { SocleConfig } from './config/socle-config';
import { DatabaseModule } from './database/database.module';
import { DeviceEventsModule } from './device-events/device-events.module';
import { LoggingModule } from './logging/logging.module';
import { QueueModule } from './queues/queue.module';

/** What every Socle app needs: the validated config, PostgreSQL, JSON logs and the queues, the device-event pipeline. */
@Module({})
export class CoreModule {
  static forRoot(config: SocleConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [SocleConfigModule.forRoot(config), DatabaseModule, LoggingModule, QueueModule, DeviceEventsModule],
      exports: [SocleConfigModule, QueueModule],
    };
  }
}
