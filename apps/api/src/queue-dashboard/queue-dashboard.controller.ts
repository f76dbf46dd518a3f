import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Actor, CurrentActor, Role, Roles } from '@socle/core';
import { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_PATH } from './queue-dashboard-access';
import { QueueDashboardSessions } from './queue-dashboard-sessions';

/** The platform admin's way into the queue dashboard from a browser: the bearer token, put in a cookie for that path only. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin/queues')
export class QueueDashboardController {
  constructor(private readonly sessions: QueueDashboardSessions) {}

  @Post('session')
  @HttpCode(200)
  @Roles(Role.PlatformAdmin)
  async open(@CurrentActor() actor: Actor, @Req() request: Request, @Res({ passthrough: true }) response: Response) {
    const token = request.headers.authorization!.replace(/^Bearer\s+/i, '');
    const { expiresAt, maxAgeSeconds } = await this.sessions.open(actor, token);
    response.setHeader(
      'set-cookie',
      `${QUEUE_DASHBOARD_COOKIE}=${encodeURIComponent(token)}; Path=${QUEUE_DASHBOARD_PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${this.sessions.secureCookie ? '; Secure' : ''}`,
    );
    return { url: `${QUEUE_DASHBOARD_PATH}/`, expiresAt };
  }
}
