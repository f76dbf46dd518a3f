import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Device, sqlList } from '@socle/fleet';

export const COMMAND_TYPES = [
  'install_profile',
  'remove_profile',
  'lock',
  'unlock',
  'restart',
  'wipe',
  'refresh_inventory',
  'session_start',
  'session_end',
  'install_filtering',
  'remove_filtering',
] as const;
export type CommandType = (typeof COMMAND_TYPES)[number];

/**
 * pending: waiting for the device; delivered: handed over at a check-in; acknowledged / failed:
 * the device's answer; superseded: replaced by a newer desired state before it was done.
 */
export const COMMAND_STATUSES = ['pending', 'delivered', 'acknowledged', 'failed', 'superseded'] as const;
export type CommandStatus = (typeof COMMAND_STATUSES)[number];

/** Waiting for the device or handed to it, not answered yet: at most one such per device and profile, per device for filtering. */
export const OPEN_STATUSES: readonly CommandStatus[] = ['pending', 'delivered'];
/** OPEN_STATUSES as a SQL list, for statements and partial indexes: `status IN ${OPEN_STATUSES_SQL}`. */
export const OPEN_STATUSES_SQL = `(${sqlList(OPEN_STATUSES)})`;
/** The two filtering command types: one open per device (uq_device_commands_open_filtering). */
export const FILTERING_COMMAND_TYPES: readonly CommandType[] = ['install_filtering', 'remove_filtering'];
export const FILTERING_COMMAND_TYPES_SQL = `(${sqlList(FILTERING_COMMAND_TYPES)})`;

/**
 * Command types whose acknowledgement must be recorded by exactly one owner (a `command.acknowledged`
 * handler with `owner: true`): the gateway, where results arrive, refuses to start without it.
 */
export const ACKNOWLEDGEMENT_OWNED: readonly CommandType[] = [
  'install_profile',
  'remove_profile',
  'install_filtering',
  'remove_filtering',
  'lock',
  'unlock',
  'wipe',
];

/** Command types a device cannot carry out without what their owner adds at hand-over (a render, an identifier). */
export const HAND_OVER_OWNED: readonly CommandType[] = [
  'install_profile',
  'install_filtering',
  'remove_filtering',
  'session_start',
  'session_end',
];

@Entity('device_commands')
@Index('idx_device_commands_device_open', ['deviceId', 'createdAt'], { where: `status IN ${OPEN_STATUSES_SQL}` })
@Index('idx_device_commands_profile', ['profileId', 'deviceId'], { where: 'profile_id IS NOT NULL' })
@Index('uq_device_commands_open_profile', ['deviceId', 'profileId'], {
  unique: true,
  where: `status IN ${OPEN_STATUSES_SQL} AND profile_id IS NOT NULL`,
})
@Index('idx_device_commands_open', ['nextAttemptAt'], { where: `status IN ${OPEN_STATUSES_SQL}` })
// One open filtering command per device (libs/filtering converges against it).
@Index('uq_device_commands_open_filtering', ['deviceId'], {
  unique: true,
  where: `status IN ${OPEN_STATUSES_SQL} AND type IN ${FILTERING_COMMAND_TYPES_SQL}`,
})
@Check('chk_device_commands_status', `status IN (${sqlList(COMMAND_STATUSES)})`)
export class DeviceCommand {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @Column({ name: 'device_id', type: 'uuid' })
  deviceId: string;

  @ManyToOne(() => Device, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'device_id', foreignKeyConstraintName: 'fk_device_commands_device' })
  device?: Device;

  @Column({ type: 'text' })
  type: CommandType;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  payload: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status: CommandStatus;

  @Column({ name: 'profile_id', type: 'uuid', nullable: true })
  profileId: string | null;

  @Column({ name: 'profile_version', type: 'integer', nullable: true })
  profileVersion: number | null;

  /** How many times the device answered not_now (drives the backoff). */
  @Column({ type: 'integer', default: 0 })
  attempts: number;

  /** Not handed to the device before this time (not_now backoff). */
  @Column({ name: 'next_attempt_at', type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt: Date;

  @Column({ name: 'delivered_at', type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
