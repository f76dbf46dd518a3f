import { Module } from '@nestjs/common';
import { DeliveryGatewayController } from './delivery-gateway.controller';
import { DeliveryModule } from './delivery.module';

@Module({ imports: [DeliveryModule], controllers: [DeliveryGatewayController] })
export class DeliveryGatewayModule {}
