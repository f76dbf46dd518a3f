import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService, purgeAuditEntries } from '@socle/audit';
import { JobName, SocleConfig } from '@socle/core';
import { JobHandler } from '../job-handler';

/** Nightly: entries past SOCLE_AUDIT_RETENTION_DAYS go, and the purge itself is written in the trail. Running twice deletes nothing more. */
@Injectable()
export class AuditRetentionProcessor implements JobHandler {
  readonly job = JobName.AuditRetention;
  private readonly logger = new Logger(AuditRetentionProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: SocleConfig,
    private readonly audit: AuditService,
  ) {}

  async handle(): Promise<{ deleted: number }> {
    const retentionDays = this.config.auditRetentionDays;
    if (retentionDays === 0) return { deleted: 0 };
    const deleted = await this.dataSource.transaction(async (manager) => {
      const count = await purgeAuditEntries(manager, retentionDays);
      if (count)
        await this.audit.record(
          manager,
          { system: this.job },
          { action: 'audit.purge', entityType: 'audit_entry', summary: { deleted: count, retentionDays } },
        );
      return count;
    });
    if (deleted) this.logger.log(`Purged ${deleted} audit entries older than ${retentionDays} days`);
    return { deleted };
  }
}
