import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ASSIGNMENT_LEVELS, AssignmentLevel } from '@socle/fleet';
import { Profile } from './profile.entity';

/** Where a profile is assigned: fleet's assignment target. */
export const ASSIGNMENT_SCOPES = ASSIGNMENT_LEVELS;
export type AssignmentScope = AssignmentLevel;

@Entity('profile_assignments')
@Index('uq_profile_assignments', ['profileId', 'scope', 'targetId'], { unique: true })
@Index('idx_profile_assignments_target', ['scope', 'targetId'])
@Check('chk_profile_assignments_scope', `scope IN ('collectivite', 'school', 'pack')`)
export class ProfileAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'profile_id', type: 'uuid' })
  profileId: string;

  @ManyToOne(() => Profile, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'profile_id' })
  profile?: Profile;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @Column({ type: 'text' })
  scope: AssignmentScope;

  /** The collectivité, school or pack id, per scope. */
  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
