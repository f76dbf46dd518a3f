import { DefaultJobOptions } from 'bullmq';

/** Every queue of Socle. A queue groups jobs that may share workers and concurrency. */
export enum QueueName {
  Maintenance = 'maintenance',
  Delivery = 'delivery',
}

/** Every job, with the queue it runs on. The worker refuses to start unless each has exactly one processor. */
export enum JobName {
  EnrollmentTokenCleanup = 'enrollment-token-cleanup',
  /** Wake the device of one open command so that it checks in and fetches it. */
  DeliverCommand = 'deliver-command',
  /** Re-enqueue what PostgreSQL says is open, and re-wake devices that went silent. */
  ReconcileDeliveries = 'reconcile-deliveries',
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.EnrollmentTokenCleanup]: QueueName.Maintenance,
  [JobName.DeliverCommand]: QueueName.Delivery,
  [JobName.ReconcileDeliveries]: QueueName.Maintenance,
};

export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { count: 1_000, age: 24 * 3600 },
  removeOnFail: { count: 5_000, age: 7 * 24 * 3600 },
};

/** Deterministic job id: the same work always gets the same id, so re-enqueueing never duplicates it. */
export function jobId(job: JobName, ...parts: Array<string | number>): string {
  return [job, ...parts].map((part) => String(part).replace(/:/g, '_')).join('.');
}
