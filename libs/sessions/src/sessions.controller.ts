import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, ParseId, Roles, SCHOOL_STAFF } from '@socle/core';
import { CreateSessionDto } from './dto/create-session.dto';
import { ListSessionsQuery } from './dto/list-sessions.query';
import { LockScreensDto } from './dto/lock-screens.dto';
import { SessionControlService } from './session-control.service';
import { SessionViewService, summarize } from './session-view.service';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBearerAuth()
@Controller('sessions')
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly views: SessionViewService,
    private readonly control: SessionControlService,
  ) {}

  /** Overlapping bookings of one pack answer 409 SESSION_OVERLAP, naming the slot in the way. */
  @Post()
  @Roles(...SCHOOL_STAFF)
  async book(@CurrentActor() actor: Actor, @Body() dto: CreateSessionDto) {
    return summarize(actor, await this.sessions.book(actor, dto));
  }

  @Get()
  @Roles(...SCHOOL_STAFF, ...FLEET_MANAGERS)
  list(@CurrentActor() actor: Actor, @Query() query: ListSessionsQuery) {
    return this.views.list(actor, query);
  }

  @Get(':id')
  @Roles(...SCHOOL_STAFF, ...FLEET_MANAGERS)
  detail(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.views.detail(actor, id);
  }

  /** "Les yeux vers moi !": every screen of the pack, now. */
  @Post(':id/lock')
  @Roles(...SCHOOL_STAFF)
  @HttpCode(200)
  lock(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: LockScreensDto) {
    return this.control.lock(actor, id, dto.message);
  }

  @Post(':id/unlock')
  @Roles(...SCHOOL_STAFF)
  @HttpCode(200)
  unlock(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.control.unlock(actor, id);
  }

  /** Ends the lesson early, or cancels a booking that has not started. */
  @Post(':id/end')
  @Roles(...SCHOOL_STAFF)
  @HttpCode(200)
  async end(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    await this.control.end(actor, id);
    return this.views.detail(actor, id);
  }
}
