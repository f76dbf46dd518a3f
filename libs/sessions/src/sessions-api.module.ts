import { Module } from '@nestjs/common';
import { NotificationsController } from './notifications/notifications.controller';
import { SessionsController } from './sessions.controller';
import { SessionsModule } from './sessions.module';

@Module({ imports: [SessionsModule], controllers: [SessionsController, NotificationsController] })
export class SessionsApiModule {}
