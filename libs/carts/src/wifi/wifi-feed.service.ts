import { Injectable } from '@nestjs/common';
import ical from 'ical-generator';
import { DataSource } from 'typeorm';
import { Clock } from '@socle/core';
import { Cart } from '../cart.entity';
import { AccessPointsService } from './access-points.service';
import { WifiScheduleService } from './wifi-schedule.service';

const DAY_MS = 24 * 3600_000;
const PAST_DAYS = 7;
const FUTURE_DAYS = 60;

/**
 * The access point's schedule as an iCalendar feed (written by ical-generator): one event per
 * window when the Wi-Fi must be on; off the rest of the time. A controller or a calendar app
 * subscribes with the access point's token.
 */
@Injectable()
export class WifiFeedService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accessPoints: AccessPointsService,
    private readonly schedule: WifiScheduleService,
    private readonly clock: Clock,
  ) {}

  async feed(token: string): Promise<string> {
    const accessPoint = await this.accessPoints.findByToken(token);
    const cart = await this.dataSource.getRepository(Cart).findOneByOrFail({ id: accessPoint.cartId });
    const now = this.clock.now().getTime();
    const windows = await this.schedule.windows(
      cart,
      accessPoint,
      new Date(now - PAST_DAYS * DAY_MS),
      new Date(now + FUTURE_DAYS * DAY_MS),
    );
    const calendar = ical({
      name: `Wi-Fi ${accessPoint.ssid} — ${cart.label}`,
      description: `Plages où le point d'accès ${accessPoint.ssid} doit être allumé (séances réservées ± ${accessPoint.marginMinutes} min) ; éteint le reste du temps (loi n° 2015-136).`,
      prodId: { company: 'Socle', product: 'wifi-schedule', language: 'FR' },
      ttl: 15 * 60,
    });
    for (const window of windows) {
      calendar.createEvent({
        id: `wifi-${cart.id}-${window.on.getTime()}@socle`,
        start: window.on,
        end: window.off,
        summary: `Wi-Fi allumé : ${accessPoint.ssid}`,
        description: window.sessions
          .map((session) => `${session.classroom} : ${hhmm(session.startsAt)}–${hhmm(session.endsAt)}`)
          .join('\n'),
        location: cart.location,
      });
    }
    return calendar.toString();
  }
}

const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

function hhmm(date: Date): string {
  return TIME.format(date);
}
