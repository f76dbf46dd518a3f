import { Injectable } from '@nestjs/common';
import { JobName } from '@socle/core';
import { SessionReconcilerService } from '@socle/sessions';
import { JobHandler } from '../job-handler';

/** PostgreSQL decides which sessions start, end or are checked now, whatever Redis remembers. */
@Injectable()
export class SessionReconcileProcessor implements JobHandler {
  readonly job = JobName.SessionReconcile;

  constructor(private readonly reconciler: SessionReconcilerService) {}

  handle() {
    return this.reconciler.reconcile();
  }
}
