import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Device } from '@socle/fleet';

/** What a device holds, as it last reported it or acknowledged it: the actual state drift is measured against. */
@Entity('installed_profiles')
export class InstalledProfile {
  @PrimaryColumn({ name: 'device_id', type: 'uuid' })
  deviceId: string;

  @ManyToOne(() => Device, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'device_id', foreignKeyConstraintName: 'fk_installed_profiles_device' })
  device?: Device;

  @PrimaryColumn({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  @Column({ type: 'integer' })
  version: number;

  /** Restriction keys left out because a more specific profile decides them (see restriction-conflicts.ts). */
  @Column({ type: 'text', default: '' })
  variant: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
