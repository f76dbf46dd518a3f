import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName, SocleConfig } from '@socle/core';

/** Schedules are upserted at every worker start: idempotent, and restored after Redis loses them. */
@Injectable()
export class RecurringJobs implements OnApplicationBootstrap {
  constructor(
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
    private readonly config: SocleConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.maintenance.upsertJobScheduler(JobName.EnrollmentTokenCleanup, { pattern: '17 3 * * *' }, { name: JobName.EnrollmentTokenCleanup });
    // An `every` schedule also runs once as soon as the worker starts, not only an interval later.
    await this.maintenance.upsertJobScheduler(
      JobName.ReconcileDeliveries,
      { every: this.config.reconcileIntervalSeconds * 1000 },
      { name: JobName.ReconcileDeliveries },
    );
  }
}
