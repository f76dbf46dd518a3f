import { DefaultJobOptions } from 'bullmq';

/** Every queue of Socle. A queue groups jobs that may share workers and concurrency. */
export enum QueueName {
  Maintenance = 'maintenance',
  Delivery = 'delivery',
  /** Class sessions: starts, ends and return checks, timed to the school timetable. */
  Sessions = 'sessions',
}

/** Every job, with the queue it runs on. The worker refuses to start unless each has exactly one processor. */
export enum JobName {
  EnrollmentTokenCleanup = 'enrollment-token-cleanup',
  /** Wake the device of one open command so that it checks in and fetches it. */
  DeliverCommand = 'deliver-command',
  /** Re-enqueue what PostgreSQL says is open, and re-wake devices that went silent. */
  ReconcileDeliveries = 'reconcile-deliveries',
  /** Re-evaluates every device's compliance: days without check-in grow even when nothing else happens. */
  ComplianceSweep = 'compliance-sweep',
  /** Purge audit entries older than SOCLE_AUDIT_RETENTION_DAYS (the only delete the database allows on them). */
  AuditRetention = 'audit-retention',
  /** Delayed to a class session's start: puts the session overlay on the pack's devices. */
  SessionStart = 'session-start',
  /** Delayed to a class session's end: removes the overlay (and unlocks the screens). */
  SessionEnd = 'session-end',
  /** Delayed past a session's end: lists the devices not back in the cart and charging, and tells the technician. */
  SessionReturnCheck = 'session-return-check',
  /** PostgreSQL decides: starts, ends and checks whatever is due, and re-queues the timed jobs Redis may have lost. */
  SessionReconcile = 'session-reconcile',
}

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
