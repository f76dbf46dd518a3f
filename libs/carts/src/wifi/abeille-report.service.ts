import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Clock } from '@socle/core';
import { CartsService } from '../carts.service';
import { PeriodQuery } from '../dto/access-point.dto';
import { checkPeriod, WifiScheduleService } from './wifi-schedule.service';

const DAY_MS = 24 * 3600_000;

/**
 * How long the access point said it was on while no session (plus margin) needed it. A reported
 * state holds until the next report; the latest one holds until now. The allowed windows are the
 * schedule's own (`WifiScheduleService.windows`, sessions selected on their range widened by the
 * margin), so the report never counts a minute the published schedule says is on. One statement,
 * with multiranges: on-time ∩ period − windows.
 */
@Injectable()
export class AbeilleReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly carts: CartsService,
    private readonly schedule: WifiScheduleService,
    private readonly clock: Clock,
  ) {}

  async report(actor: Actor, cartId: string, query: PeriodQuery) {
    const cart = await this.carts.findVisible(actor, cartId);
    const accessPoint = await this.schedule.accessPointOf(cart.id);
    const now = this.clock.now();
    const to = query.to ? new Date(query.to) : now;
    const from = query.from ? new Date(query.from) : new Date(to.getTime() - 30 * DAY_MS);
    checkPeriod(from, to);
    const windows = await this.schedule.windows(cart, accessPoint, from, to);
    const [row] = await this.dataSource.query(
      `WITH reports AS (
         SELECT is_on, reported_at, lead(reported_at) OVER (ORDER BY reported_at, received_at) AS next_at
           FROM access_point_reports
          WHERE cart_id = $1 AND reported_at < $3
            AND reported_at >= COALESCE((SELECT max(reported_at) FROM access_point_reports WHERE cart_id = $1 AND reported_at <= $2), $2)
       ),
       period AS (SELECT tstzmultirange(tstzrange($2, LEAST($3, $4::timestamptz))) AS mr),
       on_time AS (
         SELECT COALESCE(range_agg(tstzrange(reported_at, COALESCE(next_at, $4::timestamptz))), '{}') * (SELECT mr FROM period) AS mr
           FROM reports WHERE is_on AND COALESCE(next_at, $4::timestamptz) > reported_at
       ),
       allowed AS (
         SELECT COALESCE(range_agg(tstzrange(w.on_at, w.off_at)), '{}') AS mr FROM unnest($5::timestamptz[], $6::timestamptz[]) AS w(on_at, off_at)
       ),
       outside AS (SELECT (SELECT mr FROM on_time) - (SELECT mr FROM allowed) AS mr)
       SELECT (SELECT COALESCE(sum(extract(epoch FROM upper(r) - lower(r))), 0) FROM unnest((SELECT mr FROM on_time)) r)::float8 AS on_seconds,
              (SELECT COALESCE(sum(extract(epoch FROM upper(r) - lower(r))), 0) FROM unnest((SELECT mr FROM outside)) r)::float8 AS outside_seconds,
              (SELECT COALESCE(json_agg(json_build_object('from', lower(r), 'to', upper(r)) ORDER BY lower(r)), '[]') FROM unnest((SELECT mr FROM outside)) r) AS outside`,
      [cart.id, from, to, now, windows.map((window) => window.on), windows.map((window) => window.off)],
    );
    const [last] = await this.dataSource.query(
      'SELECT is_on, reported_at FROM access_point_reports WHERE cart_id = $1 ORDER BY reported_at DESC, received_at DESC LIMIT 1',
      [cart.id],
    );
    return {
      cartId: cart.id,
      ssid: accessPoint.ssid,
      from,
      to,
      marginMinutes: accessPoint.marginMinutes,
      windows: windows.map((window) => ({ on: window.on, off: window.off })),
      onSeconds: Math.round(row.on_seconds),
      onOutsideSessionsSeconds: Math.round(row.outside_seconds),
      outsideSessions: (row.outside as Array<{ from: string; to: string }>).map((range) => ({
        from: new Date(range.from),
        to: new Date(range.to),
        seconds: Math.round((new Date(range.to).getTime() - new Date(range.from).getTime()) / 1000),
      })),
      lastReport: last ? { state: last.is_on ? 'on' : 'off', at: last.reported_at } : null,
    };
  }
}
