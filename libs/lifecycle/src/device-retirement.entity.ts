import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DeviceCommand } from '@socle/delivery';
import { Device } from '@socle/fleet';

/**
 * The end-of-life record of one device, and its wipe proof: which command wiped it and when the
 * device acknowledged it, or who forced the retirement of a dead device and why. The database
 * refuses a completed retirement without one or the other, and any change once it is completed.
 */
@Entity('device_retirements')
@Index('uq_device_retirements_device', ['deviceId'], { unique: true })
@Index('uq_device_retirements_wipe_command', ['wipeCommandId'], { unique: true, where: 'wipe_command_id IS NOT NULL' })
@Check('chk_device_retirements_proof', 'completed_at IS NULL OR wipe_acknowledged_at IS NOT NULL OR forced')
@Check('chk_device_retirements_forced', 'NOT forced OR (forced_reason IS NOT NULL AND forced_at IS NOT NULL)')
export class DeviceRetirement {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @Column({ name: 'device_id', type: 'uuid' })
  deviceId: string;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'device_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_device_retirements_device' },
    {
      name: 'collectivite_id',
      referencedColumnName: 'collectiviteId',
      foreignKeyConstraintName: 'fk_device_retirements_device',
    },
  ])
  device?: Device;

  @Column({ type: 'text' })
  reason: string;

  @Column({ name: 'requested_by', type: 'uuid', nullable: true })
  requestedBy: string | null;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt: Date;

  /** The wipe queued for this retirement (the latest one, when a failed wipe was retried). */
  @Column({ name: 'wipe_command_id', type: 'uuid', nullable: true })
  wipeCommandId: string | null;

  @ManyToOne(() => DeviceCommand, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'wipe_command_id', foreignKeyConstraintName: 'fk_device_retirements_wipe_command' })
  wipeCommand?: DeviceCommand;

  @Column({ name: 'wipe_acknowledged_at', type: 'timestamptz', nullable: true })
  wipeAcknowledgedAt: Date | null;

  /** What the device answered ("acknowledged", and its detail if it gave one). */
  @Column({ name: 'wipe_acknowledgement', type: 'text', nullable: true })
  wipeAcknowledgement: string | null;

  @Column({ type: 'boolean', default: false })
  forced: boolean;

  @Column({ name: 'forced_by', type: 'uuid', nullable: true })
  forcedBy: string | null;

  @Column({ name: 'forced_at', type: 'timestamptz', nullable: true })
  forcedAt: Date | null;

  /** The technician's written reason for retiring without an acknowledged wipe. */
  @Column({ name: 'forced_reason', type: 'text', nullable: true })
  forcedReason: string | null;

  /** When the device became `retired` (certificate revoked, out of its pack). */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true })
  completedAt: Date | null;

  @Column({ name: 'certificate_serial', type: 'text', nullable: true })
  certificateSerial: string | null;
}
