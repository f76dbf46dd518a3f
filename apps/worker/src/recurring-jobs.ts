import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JobName, QueueName } from '@socle/core';

/** Schedules are upserted at every worker start: idempotent, and restored after Redis loses them. */
@Injectable()
export class RecurringJobs implements OnApplicationBootstrap {
  constructor(@InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.maintenance.upsertJobScheduler(JobName.EnrollmentTokenCleanup, { pattern: '17 3 * * *' }, { name: JobName.EnrollmentTokenCleanup });
  }
}
