import { Module } from '@nestjs/common';
import { SessionLiveModule } from './live/session-live.module';
import { NotificationsController } from './notifications/notifications.controller';
import { SessionsController } from './sessions.controller';
import { SessionsModule } from './sessions.module';

@Module({ imports: [SessionsModule, SessionLiveModule], controllers: [SessionsController, NotificationsController] })
export class SessionsApiModule {}
