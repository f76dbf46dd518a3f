import { Module } from '@nestjs/common';
import { TenancyModule } from '@socle/tenancy';
import { SessionsModule } from '../sessions.module';
import { PollingSessionLiveFeed, SessionLiveFeed } from './session-live-feed';
import { SessionLiveController } from './session-live.controller';
import { SessionLiveService } from './session-live.service';
import { SessionLiveTokens } from './session-live-token';

/** The live grid over server-sent events; swap SessionLiveFeed for the device-event pipeline's when it lands. */
@Module({
  imports: [SessionsModule, TenancyModule],
  controllers: [SessionLiveController],
  providers: [SessionLiveService, SessionLiveTokens, { provide: SessionLiveFeed, useClass: PollingSessionLiveFeed }],
  exports: [SessionLiveFeed],
})
export class SessionLiveModule {}
