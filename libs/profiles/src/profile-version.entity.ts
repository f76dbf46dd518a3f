import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Profile } from './profile.entity';
import type { ProfileResource, ProfileRestrictions } from './renderers/profile-content';

/** Stored as the renderers read them (Wi-Fi aside: its password is sealed at rest). */
export type StoredResource = ProfileResource;
export type StoredRestrictions = ProfileRestrictions;

export interface StoredWifi {
  ssid: string;
  security: 'none' | 'wpa2' | 'wpa3' | 'wpa2_enterprise';
  /** Sealed with the master key (SecretBox); never stored or logged in clear. */
  sealedPassword?: string;
  autoJoin?: boolean;
  hidden?: boolean;
}

/** Immutable: a change makes a new version (a trigger refuses updates). */
@Entity('profile_versions')
@Unique('uq_profile_versions', ['profileId', 'version'])
export class ProfileVersion {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  @ManyToOne(() => Profile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id' })
  profile?: Profile;

  @Column({ type: 'integer' })
  version: number;

  @Column({ name: 'app_ids', type: 'uuid', array: true, default: () => "'{}'" })
  appIds: string[];

  @Column({ type: 'jsonb' })
  resources: StoredResource[];

  @Column({ type: 'jsonb' })
  wifi: StoredWifi[];

  @Column({ type: 'jsonb' })
  restrictions: StoredRestrictions;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
