import { Injectable, Logger } from '@nestjs/common';
import { JobName } from '@socle/core';
import { EnrollmentTokensService } from '@socle/enrollment';
import { JobHandler } from '../job-handler';

const KEEP_DAYS = 30;

/** Expired or revoked enrollment tokens are kept a month for the audit trail, then deleted. */
@Injectable()
export class EnrollmentTokenCleanupProcessor implements JobHandler {
  readonly job = JobName.EnrollmentTokenCleanup;
  private readonly logger = new Logger(EnrollmentTokenCleanupProcessor.name);

  constructor(private readonly tokens: EnrollmentTokensService) {}

  async handle(): Promise<{ deleted: number }> {
    const deleted = await this.tokens.deleteStale(KEEP_DAYS);
    if (deleted) this.logger.log(`Deleted ${deleted} enrollment tokens older than ${KEEP_DAYS} days`);
    return { deleted };
  }
}
