import { Job } from 'bullmq';
import { JobName } from '@socle/core';

/** One class per job, named after it; the queue hosts find it through the JobDispatcher. */
export interface JobHandler {
  readonly job: JobName;
  handle(job: Job): Promise<unknown>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
