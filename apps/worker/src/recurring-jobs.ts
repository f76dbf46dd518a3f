import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName, SocleConfig } from '@socle/core';

/**
 * Job schedulers live in Redis, so a flushed Redis forgets them. The worker upserts them at start
 * and again on its own timer (upserting is idempotent): the reconciler keeps running without a
 * worker restart, whatever happened to Redis.
 */
@Injectable()
export class RecurringJobs implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RecurringJobs.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
    private readonly config: SocleConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.upsertSchedules();
    this.timer = setInterval(() => {
      this.upsertSchedules().catch((error: Error) =>
        this.logger.warn(`Could not restore job schedules: ${error.message}`),
      );
    }, this.config.reconcileIntervalSeconds * 1000);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  private async upsertSchedules(): Promise<void> {
    await this.maintenance.upsertJobScheduler(
      JobName.EnrollmentTokenCleanup,
      { pattern: '17 3 * * *' },
      { name: JobName.EnrollmentTokenCleanup },
    );
    await this.maintenance.upsertJobScheduler(
      JobName.AuditRetention,
      { pattern: '41 3 * * *' },
      { name: JobName.AuditRetention },
    );
    // An `every` schedule also runs once as soon as it is created, not only an interval later.
    await this.maintenance.upsertJobScheduler(
      JobName.ReconcileDeliveries,
      { every: this.config.reconcileIntervalSeconds * 1000 },
      { name: JobName.ReconcileDeliveries },
    );
  }
}
