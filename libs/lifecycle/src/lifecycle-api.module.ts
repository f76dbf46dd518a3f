import { Module } from '@nestjs/common';
import { DeviceLifecycleController } from './device-lifecycle.controller';
import { DeviceModelsController } from './device-models.controller';
import { LifecycleModule } from './lifecycle.module';
import { PurchaseDataController } from './purchase-data.controller';
import { ReprisesController } from './reprises.controller';

@Module({
  imports: [LifecycleModule],
  controllers: [DeviceLifecycleController, ReprisesController, PurchaseDataController, DeviceModelsController],
})
export class LifecycleApiModule {}
