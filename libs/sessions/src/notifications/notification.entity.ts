import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Collectivite } from '@socle/tenancy';

export const NOTIFICATION_KINDS = ['devices_not_returned'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Something the technicians of a collectivité should see (the console's inbox). One per kind and
 * subject: a job that runs twice records it once.
 */
@Entity('notifications')
@Index('uq_notifications_kind_subject', ['kind', 'entityId'], { unique: true })
@Index('idx_notifications_tenant_time', ['collectiviteId', 'createdAt'])
@Check('chk_notifications_kind', `kind IN ('devices_not_returned')`)
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @ManyToOne(() => Collectivite, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collectivite_id', foreignKeyConstraintName: 'fk_notifications_collectivite' })
  collectivite?: Collectivite;

  @Column({ name: 'school_id', type: 'uuid', nullable: true })
  schoolId: string | null;

  @Column({ type: 'text' })
  kind: NotificationKind;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text' })
  body: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'uuid' })
  entityId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'read_at', type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
