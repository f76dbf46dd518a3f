import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Device } from '@socle/fleet';

/** Whether a device said it sat in its cart, at its latest check-in that said so. Charging stays on the device row. */
@Entity('device_dock_states')
export class DeviceDockState {
  @PrimaryColumn({ name: 'device_id', type: 'uuid', primaryKeyConstraintName: 'pk_device_dock_states' })
  deviceId: string;

  @OneToOne(() => Device, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'device_id', foreignKeyConstraintName: 'fk_device_dock_states_device' })
  device?: Device;

  @Column({ type: 'boolean' })
  docked: boolean;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;
}
