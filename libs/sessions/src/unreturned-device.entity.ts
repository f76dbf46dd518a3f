import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Device } from '@socle/fleet';
import { ClassSession } from './class-session.entity';

/** A device the return check found out of the cart or not charging, as it was at that moment. */
@Entity('class_session_unreturned_devices')
export class UnreturnedDevice {
  @PrimaryColumn({ name: 'session_id', type: 'uuid', primaryKeyConstraintName: 'pk_class_session_unreturned_devices' })
  sessionId: string;

  @ManyToOne(() => ClassSession, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_class_session_unreturned_session' })
  session?: ClassSession;

  @PrimaryColumn({ name: 'device_id', type: 'uuid', primaryKeyConstraintName: 'pk_class_session_unreturned_devices' })
  deviceId: string;

  @ManyToOne(() => Device, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'device_id', foreignKeyConstraintName: 'fk_class_session_unreturned_device' })
  device?: Device;

  @Column({ name: 'slot_number', type: 'smallint', nullable: true })
  slotNumber: number | null;

  @Column({ type: 'boolean', nullable: true })
  docked: boolean | null;

  @Column({ type: 'boolean', nullable: true })
  charging: boolean | null;

  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null;

  /** "tablette 7 non rangée" */
  @Column({ type: 'text' })
  message: string;
}
