import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Device } from '@socle/fleet';

/** The filtering revision a device acknowledged: the actual state the pack's effective policy is compared with. */
@Entity('device_filtering')
export class DeviceFiltering {
  @PrimaryColumn({ name: 'device_id', type: 'uuid' })
  deviceId: string;

  @OneToOne(() => Device, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'device_id', foreignKeyConstraintName: 'fk_device_filtering_device' })
  device?: Device;

  @Column({ type: 'text' })
  revision: string;

  @Column({ name: 'installed_at', type: 'timestamptz', default: () => 'now()' })
  installedAt: Date;
}
