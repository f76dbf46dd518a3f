import { Module } from '@nestjs/common';
import { DeliveryModule } from '@socle/delivery';
import { SessionOverlayService } from './overlay/session-overlay.service';

/** The gateway side: renders the session overlay for each device when it fetches `session_start`. */
@Module({ imports: [DeliveryModule], providers: [SessionOverlayService] })
export class SessionsGatewayModule {}
