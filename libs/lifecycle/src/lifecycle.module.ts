import { Module } from '@nestjs/common';
import { DeliveryModule } from '@socle/delivery';
import { FleetModule } from '@socle/fleet';
import { PkiModule } from '@socle/pki';
import { DeviceHistoryService } from './device-history.service';
import { DeviceModelsService } from './device-models.service';
import { PurchaseDataService } from './purchase-data.service';
import { RepairIncidentsService } from './repair-incidents.service';
import { ReprisesService } from './reprises.service';
import { RetirementService } from './retirement.service';

const SERVICES = [
  RetirementService,
  ReprisesService,
  RepairIncidentsService,
  PurchaseDataService,
  DeviceModelsService,
  DeviceHistoryService,
];

/** Imported by the gateway too: the wipe acknowledgement that completes a retirement arrives there. */
@Module({ imports: [FleetModule, PkiModule, DeliveryModule], providers: SERVICES, exports: SERVICES })
export class LifecycleModule {}
