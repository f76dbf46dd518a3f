import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName } from '@socle/core';
import { SessionLifecycleService } from '@socle/sessions';
import { JobHandler } from '../job-handler';

/** At the session's end time: the overlay comes off; a session already ended early is left as it is. */
@Injectable()
export class SessionEndProcessor implements JobHandler {
  readonly job = JobName.SessionEnd;

  constructor(private readonly lifecycle: SessionLifecycleService) {}

  handle(job: Job<{ sessionId: string }>) {
    return this.lifecycle.end(job.data.sessionId, { system: JobName.SessionEnd }, 'scheduled');
  }
}
