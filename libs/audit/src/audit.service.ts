import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, currentRequestId } from '@socle/core';
import { AuditEntry } from './audit-entry.entity';

export interface AuditChange {
  action: string;
  entityType: string;
  entityId?: string | null;
  collectiviteId?: string | null;
  summary?: Record<string, unknown>;
}

/** Who made a change: a signed-in person, a device, or Socle itself. */
export type AuditAuthor = Actor | { system: string } | { deviceId: string };

/**
 * Writes the audit trail with the caller's EntityManager, so an entry exists if and only if the
 * change it describes was committed.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, author: AuditAuthor, change: AuditChange): Promise<void> {
    await this.recordMany(manager, author, [change]);
  }

  /** Several changes of one request (a bulk edit, a reprise of 40 devices) in one INSERT. */
  async recordMany(manager: EntityManager, author: AuditAuthor, changes: readonly AuditChange[]): Promise<void> {
    if (!changes.length) return;
    const requestId = currentRequestId() ?? null;
    await manager.insert(
      AuditEntry,
      changes.map((change) => ({
        actorUserId: author instanceof Actor ? author.userId : null,
        actorRole: author instanceof Actor ? author.role : 'system' in author ? `system:${author.system}` : 'device',
        collectiviteId: change.collectiviteId ?? (author instanceof Actor ? author.collectiviteId : null),
        action: change.action,
        entityType: change.entityType,
        entityId: change.entityId ?? ('deviceId' in author ? author.deviceId : null),
        summary: (change.summary ?? {}) as object,
        requestId,
      })),
    );
  }
}
