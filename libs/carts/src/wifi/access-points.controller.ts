import { Body, Controller, Get, Header, Headers, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FLEET_MANAGERS, ParseId, Public, Roles, SCHOOL_STAFF } from '@socle/core';
import { AccessPointStateDto, DeclareAccessPointDto, FeedQuery, PeriodQuery } from '../dto/access-point.dto';
import { AbeilleReportService } from './abeille-report.service';
import { AccessPointsService } from './access-points.service';
import { WifiFeedService } from './wifi-feed.service';
import { WifiScheduleService } from './wifi-schedule.service';

/** The cart's access point, for technicians and teachers (bearer token of a person). */
@ApiTags('carts')
@ApiBearerAuth()
@Controller('carts/:id/access-point')
export class CartAccessPointController {
  constructor(
    private readonly accessPoints: AccessPointsService,
    private readonly schedule: WifiScheduleService,
    private readonly reports: AbeilleReportService,
  ) {}

  /** The token in the answer is shown once: it is what the access point or its controller uses below. */
  @Put()
  @Roles(...FLEET_MANAGERS)
  declare(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Body() dto: DeclareAccessPointDto) {
    return this.accessPoints.declare(actor, id, dto);
  }

  @Get('schedule')
  @Roles(...FLEET_MANAGERS, ...SCHOOL_STAFF)
  getSchedule(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Query() query: PeriodQuery) {
    return this.schedule.scheduleFor(actor, id, query);
  }

  /** Loi Abeille: time the access point was reported on while no session needed it. */
  @Get('report')
  @Roles(...FLEET_MANAGERS)
  report(@CurrentActor() actor: Actor, @Param('id', ParseId) id: string, @Query() query: PeriodQuery) {
    return this.reports.report(actor, id, query);
  }
}

/** For the access point itself, or the controller that switches it: authenticated by the access point's token. */
@ApiTags('access-points')
@Controller('access-points')
export class AccessPointFeedController {
  constructor(
    private readonly accessPoints: AccessPointsService,
    private readonly feeds: WifiFeedService,
  ) {}

  /** A calendar subscription cannot send headers: the token travels in the query string. */
  @Get('schedule.ics')
  @Public()
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  schedule(@Query() query: FeedQuery) {
    return this.feeds.feed(query.token);
  }

  @Post('reports')
  @Public()
  @HttpCode(201)
  report(@Headers('authorization') authorization: string | undefined, @Body() dto: AccessPointStateDto) {
    return this.accessPoints.report(authorization?.match(/^Bearer\s+(\S+)$/i)?.[1], dto);
  }
}
