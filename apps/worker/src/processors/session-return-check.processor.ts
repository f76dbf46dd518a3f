import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName } from '@socle/core';
import { SessionLifecycleService } from '@socle/sessions';
import { JobHandler } from '../job-handler';

/** After the end and the configured delay: lists the devices not back and charging, and notifies the technicians once. */
@Injectable()
export class SessionReturnCheckProcessor implements JobHandler {
  readonly job = JobName.SessionReturnCheck;

  constructor(private readonly lifecycle: SessionLifecycleService) {}

  handle(job: Job<{ sessionId: string }>) {
    return this.lifecycle.returnCheck(job.data.sessionId, { system: JobName.SessionReturnCheck });
  }
}
