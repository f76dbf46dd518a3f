import { Module } from '@nestjs/common';
import { DeliveryModule } from './delivery.module';
import { DeviceCommandsController } from './devices-commands.controller';

@Module({ imports: [DeliveryModule], controllers: [DeviceCommandsController] })
export class DeliveryApiModule {}
