import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Job } from 'bullmq';
import { QueueName } from '@socle/core';
import { JobDispatcher } from './job-dispatcher';

/** One BullMQ worker per queue; each hands its jobs to the handler named after the job. */
@Processor(QueueName.Maintenance)
export class MaintenanceQueueHost extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }
}

/** Deliveries are short (one query, one publish) and many: several run at once. */
@Processor(QueueName.Delivery, { concurrency: 50 })
export class DeliveryQueueHost extends WorkerHost {
  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }
}

export const QUEUE_HOSTS = [MaintenanceQueueHost, DeliveryQueueHost];
