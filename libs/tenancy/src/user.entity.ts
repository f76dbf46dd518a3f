import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  JoinTable,
  ManyToMany,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Role } from '@socle/core';
import { Collectivite } from './collectivite.entity';
import { School } from './school.entity';

@Entity('users')
@Index('uq_users_email', ['email'], { unique: true })
@Check('chk_users_role', `role IN ('platform_admin', 'collectivite_admin', 'technician', 'teacher')`)
@Check('chk_users_tenant', `(role = 'platform_admin') = (collectivite_id IS NULL)`)
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored lower-cased, so uniqueness is case-insensitive. */
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'collectivite_id', type: 'uuid', nullable: true })
  collectiviteId: string | null;

  @ManyToOne(() => Collectivite, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collectivite_id' })
  collectivite?: Collectivite;

  /** The schools a teacher belongs to. */
  @ManyToMany(() => School)
  @JoinTable({ name: 'user_schools', joinColumn: { name: 'user_id' }, inverseJoinColumn: { name: 'school_id' } })
  schools?: School[];

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
