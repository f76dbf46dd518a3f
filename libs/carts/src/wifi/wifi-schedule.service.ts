import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Clock, SocleError, validationFailed } from '@socle/core';
import { Cart } from '../cart.entity';
import { CartsService } from '../carts.service';
import { PeriodQuery } from '../dto/access-point.dto';
import { PACK_BOOKINGS, PackBookings } from '../pack-bookings';
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
 * otherwise. The windows are the union of the sessions' ranges widened by the margin (sessions
 * computes them with `range_agg`), so back-to-back lessons give one window, not a flicker. The JSON
 * schedule, the iCalendar feed and the loi Abeille report all take their windows from `windows()`.
 */
@Injectable()
export class WifiScheduleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly carts: CartsService,
    private readonly clock: Clock,
    @Inject(PACK_BOOKINGS) private readonly bookings: PackBookings,
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
    const windows = await this.bookings.windows(cart.packId, from, to, accessPoint.marginMinutes);
    if (!windows.length) return [];
    const sessions = await this.bookings.sessionsBetween(cart.packId, windows[0].on, windows[windows.length - 1].off);
    return windows.map((window) => ({
      ...window,
      sessions: sessions.filter((session) => session.startsAt < window.off && session.endsAt > window.on),
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
