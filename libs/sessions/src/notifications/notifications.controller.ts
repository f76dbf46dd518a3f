import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, ParseId, Roles } from '@socle/core';
import { ListNotificationsQuery } from './list-notifications.query';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Roles(...FLEET_MANAGERS)
  list(@CurrentActor() actor: Actor, @Query() query: ListNotificationsQuery) {
    return this.notifications.list(actor, query);
  }

  @Post(':id/read')
  @Roles(...FLEET_MANAGERS)
  @HttpCode(200)
  markRead(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.notifications.markRead(actor, id);
  }
}
