import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Page } from '@socle/core';
import { deviceLabel } from '@socle/carts';
import { ClassSession } from './class-session.entity';
import { ListSessionsQuery } from './dto/list-sessions.query';
import { SessionsService } from './sessions.service';

export type SessionSummary = ReturnType<typeof summarize>;

/** Sessions as the console shows them: a pack's calendar, and one session with its devices. */
@Injectable()
export class SessionViewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
  ) {}

  /** In time order; a teacher sees every booking of their schools' packs (to find a free slot), and which are theirs. */
  async list(actor: Actor, query: ListSessionsQuery): Promise<Page<SessionSummary>> {
    const builder = this.dataSource
      .getRepository(ClassSession)
      .createQueryBuilder('s')
      .where('s.collectivite_id = :tenant', { tenant: actor.tenantId() })
      .orderBy('s.starts_at')
      .addOrderBy('s.id')
      .take(query.limit + 1);
    if (actor.seesOnlyOwnSchools()) builder.andWhere('s.school_id = ANY(:schools)', { schools: actor.schoolIds });
    if (query.packId) builder.andWhere('s.pack_id = :packId', { packId: query.packId });
    if (query.from) builder.andWhere('s.ends_at > :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('s.starts_at < :to', { to: new Date(query.to) });
    if (query.cursor)
      builder.andWhere('(s.starts_at, s.id) > (SELECT starts_at, id FROM class_sessions WHERE id = :cursor)', {
        cursor: query.cursor,
      });
    const rows = await builder.getMany();
    const items = rows.slice(0, query.limit).map((session) => summarize(actor, session));
    return { items, nextCursor: rows.length > query.limit ? items[items.length - 1].id : null };
  }

  async detail(actor: Actor, sessionId: string) {
    const session = await this.sessions.findVisible(actor, sessionId);
    const devices = await this.dataSource.query(
      `SELECT d.id, d.serial_number, d.device_kind, d.position_in_pack, d.state,
              (SELECT c.status FROM class_session_commands l JOIN device_commands c ON c.id = l.command_id
                WHERE l.session_id = $1 AND l.device_id = d.id AND l.type = 'session_start' ORDER BY c.created_at DESC LIMIT 1) AS start_status,
              (SELECT c.status FROM class_session_commands l JOIN device_commands c ON c.id = l.command_id
                WHERE l.session_id = $1 AND l.device_id = d.id AND l.type = 'session_end' ORDER BY c.created_at DESC LIMIT 1) AS end_status
         FROM devices d WHERE d.pack_id = $2 ORDER BY d.position_in_pack NULLS LAST, d.serial_number`,
      [session.id, session.packId],
    );
    const notReturned = await this.dataSource.query(
      `SELECT device_id AS "deviceId", slot_number AS "slotNumber", docked, charging, last_seen_at AS "lastSeenAt", message
         FROM class_session_unreturned_devices WHERE session_id = $1 ORDER BY slot_number NULLS LAST, message`,
      [session.id],
    );
    return {
      ...summarize(actor, session),
      devices: devices.map((row: Record<string, any>) => ({
        id: row.id,
        label: deviceLabel(row.device_kind, row.position_in_pack, row.serial_number),
        state: row.state,
        overlay: row.start_status ?? null,
        overlayRemoval: row.end_status ?? null,
      })),
      returnCheck: session.returnCheckedAt ? { checkedAt: session.returnCheckedAt, notReturned } : null,
    };
  }
}

export function summarize(actor: Actor, session: ClassSession) {
  return {
    id: session.id,
    packId: session.packId,
    classroomId: session.classroomId,
    schoolId: session.schoolId,
    teacherId: session.teacherId,
    mine: session.teacherId === actor.userId,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    plannedEndsAt: session.plannedEndsAt,
    allowedAppIds: session.allowedAppIds,
    allowedDomains: session.allowedDomains,
    status: session.status,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    endReason: session.endReason,
    screensLocked: session.screensLocked,
  };
}
