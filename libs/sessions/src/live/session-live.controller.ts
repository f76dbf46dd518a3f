import { Controller, Get, Headers, Param, Query, Sse } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, JwtClaims, ParseId, Public, Roles, SCHOOL_STAFF } from '@socle/core';
import { SessionLiveService } from './session-live.service';

@ApiTags('sessions')
@Controller('sessions/:id')
export class SessionLiveController {
  constructor(
    private readonly live: SessionLiveService,
    private readonly jwt: JwtService,
  ) {}

  /** A one-minute token for the stream below (a GET: it changes nothing, and is not audited). */
  @Get('live-token')
  @ApiBearerAuth()
  @Roles(...SCHOOL_STAFF, ...FLEET_MANAGERS)
  token(
    @CurrentActor() actor: Actor,
    @Param('id', ParseId) id: string,
    @Headers('authorization') authorization: string,
  ) {
    // The guard has verified this bearer token already; its claims are copied into the stream's token.
    const bearer = this.jwt.decode<JwtClaims>(authorization.replace(/^Bearer\s+/i, ''));
    return this.live.token(actor, bearer, id);
  }

  /** Server-sent events: `grid` with the devices' state each time it changes. EventSource sends no header, hence `?token=`. */
  @Sse('live')
  @Public()
  @ApiQuery({ name: 'token', description: 'from GET /sessions/:id/live-token' })
  stream(@Param('id', ParseId) id: string, @Query('token') token: string | undefined) {
    return this.live.open(id, token);
  }
}
