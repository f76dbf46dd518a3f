import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
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

/** Session starts and ends cluster on the timetable's hours (8:30, 9:00…): several run at once. */
@Processor(QueueName.Sessions, { concurrency: 10 })
export class SessionsQueueHost extends WorkerHost {
  private readonly logger = new Logger(SessionsQueueHost.name);

  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }

  /** A job whose keys Redis lost mid-run cannot be marked finished: PostgreSQL holds the outcome, the reconciler the rest. */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`Sessions queue: ${error.message}`);
  }
}

export const QUEUE_HOSTS = [MaintenanceQueueHost, DeliveryQueueHost, SessionsQueueHost];
