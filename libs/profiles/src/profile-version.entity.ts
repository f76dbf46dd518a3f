import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Profile } from './profile.entity';

export interface StoredResource {
  kind: 'web_clip' | 'gar_resource' | 'ent_link' | 'document';
  title: string;
  url: string;
  checksum?: string;
}

export interface StoredWifi {
  ssid: string;
  security: 'none' | 'wpa2' | 'wpa3' | 'wpa2_enterprise';
  /** Sealed with the master key (SecretBox); never stored or logged in clear. */
  sealedPassword?: string;
  autoJoin?: boolean;
  hidden?: boolean;
}

export interface StoredRestrictions {
  allowCamera?: boolean;
  allowAppInstallation?: boolean;
  allowProfileRemoval?: boolean;
  allowErase?: boolean;
  allowScreenshots?: boolean;
  allowBluetoothModification?: boolean;
  allowAppRemoval?: boolean;
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
