import { Controller, Get, Param, Query, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, ParseId, Public, Role, Roles } from '@socle/core';
import { SessionLiveService } from './session-live.service';

@ApiTags('sessions')
@Controller('sessions/:id')
export class SessionLiveController {
  constructor(private readonly live: SessionLiveService) {}

  /** A one-minute token for the stream below (a GET: it changes nothing, and is not audited). */
  @Get('live-token')
  @ApiBearerAuth()
  @Roles(Role.Teacher, ...FLEET_MANAGERS)
  token(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string) {
    return this.live.token(actor, id);
  }

  /** Server-sent events: `grid` with the devices' state each time it changes. EventSource sends no header, hence `?token=`. */
  @Sse('live')
  @Public()
  @ApiQuery({ name: 'token', description: 'from GET /sessions/:id/live-token' })
  stream(@Param('id', ParseId) id: string, @Query('token') token: string | undefined) {
    return this.live.open(id, token);
  }
}
