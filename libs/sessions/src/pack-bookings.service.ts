import { Global, Injectable, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PACK_BOOKINGS, PackBookings } from '@socle/carts';

/** Sessions' answer to what carts ask of a pack's bookings (the Wi-Fi schedule, the cart view). */
@Injectable()
export class PackBookingsService implements PackBookings {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The sessions whose range widened by the margin meets the period, then every session chained to
   * them (widened ranges that overlap or touch), merged by `range_agg`: a window is published whole,
   * whatever `from` and `to`, so the schedule and the loi Abeille report agree for the same hours.
   */
  async windows(packId: string, from: Date, to: Date, marginMinutes: number) {
    const rows: Array<{ on_at: Date; off_at: Date }> = await this.dataSource.query(
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
      [packId, from, to, `${marginMinutes} minutes`],
    );
    return rows.map((row) => ({ on: row.on_at, off: row.off_at }));
  }

  async sessionsBetween(packId: string, from: Date, to: Date) {
    const rows: Array<{ id: string; starts_at: Date; ends_at: Date; classroom: string }> = await this.dataSource.query(
      `SELECT s.id, s.starts_at, s.ends_at, c.name AS classroom FROM class_sessions s JOIN classrooms c ON c.id = s.classroom_id
        WHERE s.pack_id = $1 AND s.status <> 'cancelled' AND s.ends_at > $2 AND s.starts_at < $3 ORDER BY s.starts_at`,
      [packId, from, to],
    );
    return rows.map((row) => ({ id: row.id, startsAt: row.starts_at, endsAt: row.ends_at, classroom: row.classroom }));
  }

  async lastReturnCheck(packId: string) {
    const [session] = await this.dataSource.query(
      `SELECT id, ends_at, return_checked_at FROM class_sessions
        WHERE pack_id = $1 AND return_checked_at IS NOT NULL ORDER BY ends_at DESC LIMIT 1`,
      [packId],
    );
    if (!session) return null;
    const listed: Array<{ device_id: string }> = await this.dataSource.query(
      'SELECT device_id FROM class_session_unreturned_devices WHERE session_id = $1',
      [session.id],
    );
    return {
      sessionId: session.id as string,
      endedAt: session.ends_at as Date,
      checkedAt: session.return_checked_at as Date,
      unreturnedDeviceIds: listed.map((row) => row.device_id),
    };
  }
}

/** Global so that carts finds PACK_BOOKINGS without importing sessions. */
@Global()
@Module({ providers: [{ provide: PACK_BOOKINGS, useClass: PackBookingsService }], exports: [PACK_BOOKINGS] })
export class PackBookingsModule {}
