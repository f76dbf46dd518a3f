import { Module } from '@nestjs/common';
import { CartsModule } from '@socle/carts';
import { DeliveryModule } from '@socle/delivery';
import { FleetModule } from '@socle/fleet';
import { NotificationsService } from './notifications/notifications.service';
import { PackBookingsModule } from './pack-bookings.service';
import { ReturnCheckService } from './return-check.service';
import { SessionCommands } from './session-commands';
import { SessionControlService } from './session-control.service';
import { SessionJobs } from './session-jobs';
import { SessionLifecycleService } from './session-lifecycle.service';
import { SessionReconcilerService } from './session-reconciler.service';
import { SessionViewService } from './session-view.service';
import { SessionsService } from './sessions.service';

const SERVICES = [
  SessionsService,
  SessionViewService,
  SessionControlService,
  SessionLifecycleService,
  ReturnCheckService,
  SessionReconcilerService,
  SessionJobs,
  SessionCommands,
  NotificationsService,
];

/** Class sessions without HTTP: the api, the worker (timed jobs, reconciler) and the gateway use it. */
@Module({
  imports: [FleetModule, DeliveryModule, CartsModule, PackBookingsModule],
  providers: SERVICES,
  exports: [...SERVICES, CartsModule],
})
export class SessionsModule {}
