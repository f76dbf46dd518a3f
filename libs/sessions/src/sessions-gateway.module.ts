import { Module } from '@nestjs/common';
import { PkiModule } from '@socle/pki';
import { SessionOverlayService } from './overlay/session-overlay.service';

/** The gateway side: renders the session overlay for each device when it fetches `session_start`. */
@Module({ imports: [PkiModule], providers: [SessionOverlayService] })
export class SessionsGatewayModule {}
