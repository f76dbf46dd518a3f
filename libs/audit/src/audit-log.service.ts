import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, Page, Role, SocleError, toPage } from '@socle/core';
import { AuditLogQuery } from './dto/audit-log.query';
import { AuditErrorCode } from './audit-error-codes';

export interface AuditLogItem {
  id: string;
  occurredAt: Date;
  actorUserId: string | null;
  actorEmail: string | null;
  actorRole: string;
  collectiviteId: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  summary: Record<string, unknown>;
  requestId: string | null;
}

/** Read side of the audit trail. There is deliberately no write, update or delete here. */
@Injectable()
export class AuditLogService {
  constructor(private readonly dataSource: DataSource) {}

  async list(actor: Actor, query: AuditLogQuery): Promise<Page<AuditLogItem>> {
    const where: string[] = [];
    const params: unknown[] = [];
    const bind = (value: unknown) => `$${params.push(value)}`;
    if (actor.role === Role.PlatformAdmin) {
      if (query.collectiviteId) where.push(`a.collectivite_id = ${bind(query.collectiviteId)}`);
    } else {
      if (query.collectiviteId && query.collectiviteId !== actor.tenantId()) return { items: [], nextCursor: null };
      where.push(`a.collectivite_id = ${bind(actor.tenantId())}`);
    }
    if (query.entity) where.push(`a.entity_type = ${bind(query.entity)}`);
    if (query.entityId) where.push(`a.entity_id = ${bind(query.entityId)}`);
    if (query.user) where.push(`a.actor_user_id = ${bind(query.user)}`);
    if (query.action)
      where.push(
        query.action.endsWith('.')
          ? `starts_with(a.action, ${bind(query.action)})`
          : `a.action = ${bind(query.action)}`,
      );
    if (query.from) where.push(`a.occurred_at >= ${bind(query.from)}::timestamptz`);
    if (query.to) where.push(`a.occurred_at < ${bind(query.to)}::timestamptz`);
    if (query.cursor) {
      const cursor = bind(query.cursor);
      const [known] = await this.dataSource.query('SELECT 1 FROM audit_entries WHERE id = $1', [query.cursor]);
      if (!known)
        throw SocleError.badRequest(
          AuditErrorCode.CursorInvalid,
          'Curseur de pagination inconnu : repartez de la première page.',
        );
      where.push(`(a.occurred_at, a.id) < (SELECT occurred_at, id FROM audit_entries WHERE id = ${cursor})`);
    }
    const rows: AuditLogItem[] = await this.dataSource.query(
      `SELECT a.id, a.occurred_at AS "occurredAt", a.actor_user_id AS "actorUserId", u.email AS "actorEmail", a.actor_role AS "actorRole",
              a.collectivite_id AS "collectiviteId", a.action, a.entity_type AS "entityType", a.entity_id AS "entityId",
              a.summary, a.request_id AS "requestId"
         FROM audit_entries a LEFT JOIN users u ON u.id = a.actor_user_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY a.occurred_at DESC, a.id DESC
        LIMIT ${bind(query.limit + 1)}`,
      params,
    );
    return toPage(rows, query.limit);
  }
}
