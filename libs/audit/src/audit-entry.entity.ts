import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One change, written in the same transaction as the change itself. Never updated, never deleted:
 * a trigger refuses both, except the retention purge (`socle_purge_audit_entries`, run by the
 * `audit-retention` job), which may only remove entries older than its cut-off.
 */
@Entity('audit_entries')
@Index('idx_audit_entries_tenant_time', ['collectiviteId', 'occurredAt', 'id'])
@Index('idx_audit_entries_entity', ['entityType', 'entityId'])
@Index('idx_audit_entries_actor_time', ['actorUserId', 'occurredAt'])
@Index('idx_audit_entries_time', ['occurredAt'])
@Index('idx_audit_entries_request', ['requestId'], { where: 'request_id IS NOT NULL' })
export class AuditEntry {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  /** Null when the change came from a device (enrollment) or the system (bootstrap, jobs). */
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true })
  actorUserId: string | null;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole: string;

  @Column({ name: 'collectivite_id', type: 'uuid', nullable: true })
  collectiviteId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId: string | null;

  /** Before/after summary of the fields that changed; never a secret. */
  @Column({ type: 'jsonb' })
  summary: Record<string, unknown>;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;
}
