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
@Check(
  'chk_users_role',
  `role IN ('platform_admin', 'collectivite_admin', 'technician', 'teacher', 'school_head', 'erun', 'reviewer')`,
)
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

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName: string | null;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;

  /** Set with disabledAt when the account is deleted: the row stays for the sessions and the audit trail, its e-mail is scrubbed. */
  @Column({ name: 'deleted_at', type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  /**
   * Written into every token; bumped by a password change, a reset, a disable, a delete or a role
   * change, so all the user's tokens stop working on their next request, on every instance.
   */
  @Column({ name: 'token_version', type: 'integer', default: 0 })
  tokenVersion: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
