import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Clock, SocleError, validationFailed } from '@socle/core';
import { Cart } from '../cart.entity';
import { CartsService } from '../carts.service';
import { PeriodQuery } from '../dto/access-point.dto';
import { CartAccessPoint } from './access-point.entity';

export interface WifiWindow {
  on: Date;
  off: Date;
  sessions: Array<{ id: string; startsAt: Date; endsAt: Date; classroom: string }>;
}

const DAY_MS = 24 * 3600_000;
const MAX_PERIOD_DAYS = 366;

/**
 * Loi Abeille: the pack's access point is on during booked sessions (plus a margin) and off
 * otherwise. The windows are the union of the sessions' ranges widened by the margin, computed by
 * PostgreSQL (`range_agg`), so back-to-back lessons give one window, not a flicker. The JSON
 * schedule, the iCalendar feed and the loi Abeille report all take their windows from `windows()`.
 */
@Injectable()
export class WifiScheduleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly carts: CartsService,
    private readonly clock: Clock,
  ) {}

  async scheduleFor(actor: Actor, cartId: string, query: PeriodQuery) {
    const cart = await this.carts.findVisible(actor, cartId);
    const accessPoint = await this.accessPointOf(cart.id);
    const from = query.from ? new Date(query.from) : this.clock.now();
    const to = query.to ? new Date(query.to) : new Date(from.getTime() + 7 * DAY_MS);
    checkPeriod(from, to);
    return {
      cartId: cart.id,
      ssid: accessPoint.ssid,
      marginMinutes: accessPoint.marginMinutes,
      from,
      to,
      windows: await this.windows(cart, accessPoint, from, to),
    };
  }

  async windows(
    cart: Pick<Cart, 'packId'>,
    accessPoint: Pick<CartAccessPoint, 'marginMinutes'>,
    from: Date,
    to: Date,
  ): Promise<WifiWindow[]> {
    if (!cart.packId) return [];
    const margin = `${accessPoint.marginMinutes} minutes`;
    // The sessions whose widened range meets the period, then every session chained to them
    // (widened ranges that overlap or touch): a window is published whole, whatever from and to.
    const windows: Array<{ on_at: Date; off_at: Date }> = await this.dataSource.query(
      `WITH RECURSIVE chained AS (
         SELECT id, starts_at, ends_at FROM class_sessions
          WHERE pack_id = $1 AND status <> 'cancelled' AND tstzrange(starts_at - $4::interval, ends_at + $4::interval) && tstzrange($2, $3)
         UNION
         SELECT s.id, s.starts_at, s.ends_at FROM chained c JOIN class_sessions s
             ON s.pack_id = $1 AND s.status <> 'cancelled'
            AND tstzrange(s.starts_at, s.ends_at, '[]') && tstzrange(c.starts_at - 2 * $4::interval, c.ends_at + 2 * $4::interval, '[]')
       )
       SELECT lower(w) AS on_at, upper(w) AS off_at
         FROM unnest((SELECT range_agg(tstzrange(starts_at - $4::interval, ends_at + $4::interval)) FROM chained)) AS w ORDER BY 1`,
      [cart.packId, from, to, margin],
    );
    if (!windows.length) return [];
    const sessions: Array<{ id: string; starts_at: Date; ends_at: Date; classroom: string }> =
      await this.dataSource.query(
        `SELECT s.id, s.starts_at, s.ends_at, c.name AS classroom FROM class_sessions s JOIN classrooms c ON c.id = s.classroom_id
        WHERE s.pack_id = $1 AND s.status <> 'cancelled' AND s.ends_at > $2 AND s.starts_at < $3 ORDER BY s.starts_at`,
        [cart.packId, windows[0].on_at, windows[windows.length - 1].off_at],
      );
    return windows.map((window) => ({
      on: window.on_at,
      off: window.off_at,
      sessions: sessions
        .filter((session) => session.starts_at < window.off_at && session.ends_at > window.on_at)
        .map((session) => ({
          id: session.id,
          startsAt: session.starts_at,
          endsAt: session.ends_at,
          classroom: session.classroom,
        })),
    }));
  }

  async accessPointOf(cartId: string): Promise<CartAccessPoint> {
    const accessPoint = await this.dataSource.getRepository(CartAccessPoint).findOneBy({ cartId });
    if (!accessPoint)
      throw SocleError.notFound(
        'ACCESS_POINT_NOT_DECLARED',
        "Aucun point d'accès Wi-Fi n'est déclaré sur ce chariot : déclarez-le d'abord (PUT /carts/:id/access-point).",
      );
    return accessPoint;
  }
}

export function checkPeriod(from: Date, to: Date): void {
  if (to.getTime() <= from.getTime() || to.getTime() - from.getTime() > MAX_PERIOD_DAYS * DAY_MS) {
    throw validationFailed([{ field: 'to', problems: [`to must follow from, within ${MAX_PERIOD_DAYS} days`] }]);
  }
}
