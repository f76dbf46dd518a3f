import { Module } from '@nestjs/common';
import { DeviceEventBus } from '@socle/core';
import { DeliveryGatewayController } from './delivery-gateway.controller';
import { DeliveryModule } from './delivery.module';
import { ACKNOWLEDGEMENT_OWNED, HAND_OVER_OWNED } from './device-command.entity';

/** Marks the requirements as declared (a provider, so that it runs when the gateway is built). */
export const DELIVERY_EVENT_REQUIREMENTS = Symbol('DELIVERY_EVENT_REQUIREMENTS');

/**
 * Where devices fetch commands and answer them: the gateway does not start unless every command
 * type that needs one has its hand-over and acknowledgement owners.
 */
@Module({
  imports: [DeliveryModule],
  controllers: [DeliveryGatewayController],
  providers: [
    {
      provide: DELIVERY_EVENT_REQUIREMENTS,
      inject: [DeviceEventBus],
      useFactory: (events: DeviceEventBus) => {
        events.require('command.acknowledged', ACKNOWLEDGEMENT_OWNED, 'the gateway, where command results arrive');
        events.require('command.handed-over', HAND_OVER_OWNED, 'the gateway, where devices fetch their commands');
        return true;
      },
    },
  ],
})
export class DeliveryGatewayModule {}
