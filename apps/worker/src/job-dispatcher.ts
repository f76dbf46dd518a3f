import { Inject, Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName } from '@socle/core';
import { JOB_HANDLERS, JobHandler } from './job-handler';

/** Refuses to build (and so the worker to start) unless every job name has exactly one handler. */
@Injectable()
export class JobDispatcher {
  private readonly handlers = new Map<string, JobHandler>();

  constructor(@Inject(JOB_HANDLERS) handlers: JobHandler[]) {
    for (const handler of handlers) {
      if (this.handlers.has(handler.job)) throw new Error(`Two handlers for job ${handler.job}`);
      this.handlers.set(handler.job, handler);
    }
    const missing = Object.values(JobName).filter((name) => !this.handlers.has(name));
    if (missing.length) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
  }

  dispatch(job: Job): Promise<unknown> {
    const handler = this.handlers.get(job.name);
    if (!handler) throw new Error(`Unknown job ${job.name} on queue ${job.queueName}`);
    return handler.handle(job);
  }
}
