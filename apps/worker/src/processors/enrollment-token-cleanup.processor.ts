import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobName } from '@socle/core';
import { JobHandler } from '../job-handler';

const KEEP_DAYS = 30;

/** Expired or revoked enrollment tokens are kept a month for the audit trail, then deleted. */
@Injectable()
export class EnrollmentTokenCleanupProcessor implements JobHandler {
  readonly job = JobName.EnrollmentTokenCleanup;
  private readonly logger = new Logger(EnrollmentTokenCleanupProcessor.name);

  constructor(private readonly dataSource: DataSource) {}

  async handle(): Promise<{ deleted: number }> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM enrollment_tokens WHERE COALESCE(revoked_at, expires_at) < now() - make_interval(days => $1)`,
      [KEEP_DAYS],
    );
    if (deleted) this.logger.log(`Deleted ${deleted} enrollment tokens older than ${KEEP_DAYS} days`);
    return { deleted };
  }
}
