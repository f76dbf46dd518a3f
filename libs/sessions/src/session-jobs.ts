import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { JobsOptions, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { Clock, jobId, JobName, QueueName } from '@socle/core';

export interface TimedJob {
  job: JobName.SessionStart | JobName.SessionEnd | JobName.SessionReturnCheck;
  sessionId: string;
  at: Date;
}

/**
 * Delayed jobs at a session's start, end and return check. Ids are deterministic (database
 * instance + job + session): the reconciler re-adds them freely, and a reset database never
 * collides with what Redis remembers. Redis only makes them punctual; PostgreSQL decides.
 */
@Injectable()
export class SessionJobs {
  private readonly logger = new Logger(SessionJobs.name);
  private instance?: Promise<string>;

  constructor(
    @InjectQueue(QueueName.Sessions) private readonly queue: Queue,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async schedule(jobs: readonly TimedJob[]): Promise<void> {
    if (!jobs.length) return;
    const instance = await this.instanceId();
    const now = this.clock.now().getTime();
    await this.queue.addBulk(
      jobs.map(({ job, sessionId, at }) => ({
        name: job,
        data: { sessionId },
        opts: { jobId: jobId(job, instance, sessionId), delay: Math.max(0, at.getTime() - now) } satisfies JobsOptions,
      })),
    );
  }

  /** Never fails the change it follows: the reconciler re-adds whatever is missing. */
  async scheduleAfterCommit(jobs: readonly TimedJob[]): Promise<void> {
    try {
      await this.schedule(jobs);
    } catch (error) {
      this.logger.warn(
        `Could not schedule ${jobs.length} session jobs now (${(error as Error).message}); the reconciler will`,
      );
    }
  }

  /** One reconcile per time slot, whichever worker asks first; the queue has it again as soon as Redis is back. */
  async requestReconcile(intervalSeconds: number): Promise<void> {
    const slot = Math.floor(Date.now() / (intervalSeconds * 1000));
    await this.queue.add(
      JobName.SessionReconcile,
      {},
      { jobId: jobId(JobName.SessionReconcile, await this.instanceId(), slot), removeOnComplete: { count: 100 } },
    );
  }

  jobIdOf(job: TimedJob['job'], sessionId: string): Promise<string> {
    return this.instanceId().then((instance) => jobId(job, instance, sessionId));
  }

  private instanceId(): Promise<string> {
    this.instance ??= this.dataSource
      .query('SELECT id FROM platform_instance')
      .then((rows: Array<{ id: string }>) => rows[0].id);
    return this.instance;
  }
}
