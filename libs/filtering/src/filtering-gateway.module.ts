import { Module } from '@nestjs/common';
import { DeliveryModule } from '@socle/delivery';
import { FilteringDeliveryHooks } from './convergence/filtering-delivery-hooks';
import { DeviceFilteringController } from './policies/device-filtering.controller';
import { FilteringModule } from './filtering.module';

/** Where devices talk: filtering rendered at hand-over, results recorded, and the device-side URL check. */
@Module({
  imports: [FilteringModule, DeliveryModule],
  providers: [FilteringDeliveryHooks],
  controllers: [DeviceFilteringController],
})
export class FilteringGatewayModule {}
