import { Module } from '@nestjs/common';
import { DeliveryModule } from '@socle/delivery';
import { EnrollmentModule } from '@socle/enrollment';
import { PoliciesCheckinObserver } from './compliance/checkin-observer';
import { FilteringDeliveryHooks } from './delivery/filtering-delivery-hooks';
import { DeviceFilteringController } from './filtering/device-filtering.controller';
import { PoliciesModule } from './policies.module';

/** Where devices talk: filtering rendered at hand-over, results recorded, every check-in evaluated, and the device-side URL check. */
@Module({
  imports: [PoliciesModule, DeliveryModule, EnrollmentModule],
  providers: [FilteringDeliveryHooks, PoliciesCheckinObserver],
  controllers: [DeviceFilteringController],
})
export class PoliciesGatewayModule {}
