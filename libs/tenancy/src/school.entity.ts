import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { Collectivite } from './collectivite.entity';

@Entity('schools')
@Index('uq_schools_uai', ['uai'], { unique: true })
@Unique('uq_schools_id_collectivite', ['id', 'collectiviteId'])
@Check('chk_schools_class_count', 'class_count BETWEEN 1 AND 60')
@Check('chk_schools_bandwidth', 'bandwidth_mbps IS NULL OR bandwidth_mbps >= 0')
export class School {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @ManyToOne(() => Collectivite, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collectivite_id' })
  collectivite?: Collectivite;

  /** Unité administrative immatriculée: 7 characters + a check letter, upper-case. */
  @Column({ type: 'char', length: 8 })
  uai: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'class_count', type: 'smallint' })
  classCount: number;

  @Column({
    name: 'bandwidth_mbps',
    type: 'numeric',
    precision: 8,
    scale: 2,
    nullable: true,
    transformer: { to: (v?: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) },
  })
  bandwidthMbps: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
