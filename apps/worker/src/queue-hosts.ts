import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { QueueName } from '@socle/core';
import { JobDispatcher } from './job-dispatcher';

/** One BullMQ worker per queue; each hands its jobs to the handler named after the job. */
@Injectable()
abstract class DispatchingQueueHost extends WorkerHost {
  private readonly logger = new Logger(this.constructor.name);

  constructor(private readonly dispatcher: JobDispatcher) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.dispatcher.dispatch(job);
  }

  /**
   * A job whose keys Redis lost mid-run cannot be marked finished: PostgreSQL holds the outcome and
   * the reconciler the rest, so this is a warning in the JSON log, not an unhandled error.
   */
  @OnWorkerEvent('error')
  onError(error: Error): void {
    this.logger.warn(`${error.message}`);
  }
}

@Processor(QueueName.Maintenance)
export class MaintenanceQueueHost extends DispatchingQueueHost {}

/** Deliveries are short (one query, one publish) and many: several run at once. */
@Processor(QueueName.Delivery, { concurrency: 50 })
export class DeliveryQueueHost extends DispatchingQueueHost {}

/** Session starts and ends cluster on the timetable's hours (8:30, 9:00…): several run at once. */
@Processor(QueueName.Sessions, { concurrency: 10 })
export class SessionsQueueHost extends DispatchingQueueHost {}

export const QUEUE_HOSTS = [MaintenanceQueueHost, DeliveryQueueHost, SessionsQueueHost];
