import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName } from '@socle/core';
import { SessionLifecycleService } from '@socle/sessions';
import { JobHandler } from '../job-handler';

/** At the session's start time: the overlay goes to every device of the pack. Running twice is harmless. */
@Injectable()
export class SessionStartProcessor implements JobHandler {
  readonly job = JobName.SessionStart;

  constructor(private readonly lifecycle: SessionLifecycleService) {}

  handle(job: Job<{ sessionId: string }>) {
    return this.lifecycle.start(job.data.sessionId, { system: JobName.SessionStart });
  }
}
