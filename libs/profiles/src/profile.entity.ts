import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A named bundle of apps, resources, Wi-Fi and restrictions; its content lives in immutable versions. */
@Entity('profiles')
@Index('uq_profiles_name', ['collectiviteId', 'name'], { unique: true })
export class Profile {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'latest_version', type: 'integer', default: 1 })
  latestVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
