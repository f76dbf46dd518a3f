import { Module } from '@nestjs/common';
import { AuditModule } from '@socle/audit';
import { CoreModule, SocleConfig } from '@socle/core';
import { DeliveryModule } from '@socle/delivery';
import { JobDispatcher } from './job-dispatcher';
import { JOB_HANDLERS } from './job-handler';
import { DeliverCommandProcessor } from './processors/deliver-command.processor';
import { EnrollmentTokenCleanupProcessor } from './processors/enrollment-token-cleanup.processor';
import { ReconcileDeliveriesProcessor } from './processors/reconcile-deliveries.processor';
import { QUEUE_HOSTS } from './queue-hosts';
import { RecurringJobs } from './recurring-jobs';

const PROCESSORS = [EnrollmentTokenCleanupProcessor, DeliverCommandProcessor, ReconcileDeliveriesProcessor];

/** BullMQ processors only: no HTTP server. */
export function workerModule(config: SocleConfig) {
  @Module({
    imports: [CoreModule.forRoot(config), AuditModule, DeliveryModule],
    providers: [
      ...PROCESSORS,
      { provide: JOB_HANDLERS, useFactory: (...handlers) => handlers, inject: PROCESSORS },
      JobDispatcher,
      ...QUEUE_HOSTS,
      RecurringJobs,
    ],
  })
  class WorkerModule {}
  return WorkerModule;
}
