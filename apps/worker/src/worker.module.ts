import { Module } from '@nestjs/common';
import { AuditModule } from '@socle/audit';
import { ComplianceModule } from '@socle/compliance';
import { CoreModule, SocleConfig } from '@socle/core';
import { DeliveryModule } from '@socle/delivery';
import { EnrollmentModule } from '@socle/enrollment';
import { SessionsModule } from '@socle/sessions';
import { JobDispatcher } from './job-dispatcher';
import { JOB_HANDLERS } from './job-handler';
import { ComplianceSweepTicker } from './compliance-sweep-ticker';
import { ComplianceSweepProcessor } from './processors/compliance-sweep.processor';
import { AuditRetentionProcessor } from './processors/audit-retention.processor';
import { DeliverCommandProcessor } from './processors/deliver-command.processor';
import { EnrollmentTokenCleanupProcessor } from './processors/enrollment-token-cleanup.processor';
import { ReconcileDeliveriesProcessor } from './processors/reconcile-deliveries.processor';
import { SessionEndProcessor } from './processors/session-end.processor';
import { SessionReconcileProcessor } from './processors/session-reconcile.processor';
import { SessionReturnCheckProcessor } from './processors/session-return-check.processor';
import { SessionStartProcessor } from './processors/session-start.processor';
import { QUEUE_HOSTS } from './queue-hosts';
import { RecurringJobs } from './recurring-jobs';
import { SessionReconcileTicker } from './session-reconcile-ticker';

const PROCESSORS = [
  EnrollmentTokenCleanupProcessor,
  DeliverCommandProcessor,
  ReconcileDeliveriesProcessor,
  AuditRetentionProcessor,
  SessionStartProcessor,
  SessionEndProcessor,
  SessionReturnCheckProcessor,
  SessionReconcileProcessor,
  ComplianceSweepProcessor,
];

/** BullMQ processors only: no HTTP server. */
export function workerModule(config: SocleConfig) {
  @Module({
    imports: [
      CoreModule.forRoot(config),
      AuditModule,
      DeliveryModule,
      EnrollmentModule,
      ComplianceModule,
      SessionsModule,
    ],
    providers: [
      ...PROCESSORS,
      { provide: JOB_HANDLERS, useFactory: (...handlers) => handlers, inject: PROCESSORS },
      JobDispatcher,
      ...QUEUE_HOSTS,
      RecurringJobs,
      ComplianceSweepTicker,
      SessionReconcileTicker,
    ],
  })
  class WorkerModule {}
  return WorkerModule;
}
