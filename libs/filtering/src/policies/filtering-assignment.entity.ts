import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FilteringPolicy } from './filtering-policy.entity';
import type { PolicyLevel } from './filtering-policy.types';

/**
 * Where a policy applies. One policy per collectivité, school or pack (the unique index), so "which
 * level set what" always has one answer; assigning another policy to the same target replaces it.
 * The composite foreign key keeps a policy inside its collectivité, and an assigned policy cannot be deleted.
 */
@Entity('filtering_assignments')
@Index('uq_filtering_assignments_target', ['scope', 'targetId'], { unique: true })
@Index('idx_filtering_assignments_policy', ['policyId'])
@Check('chk_filtering_assignments_scope', `scope IN ('collectivite', 'school', 'pack')`)
export class FilteringAssignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'policy_id', type: 'uuid' })
  policyId: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @ManyToOne(() => FilteringPolicy, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'policy_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_filtering_assignments_policy' },
    {
      name: 'collectivite_id',
      referencedColumnName: 'collectiviteId',
      foreignKeyConstraintName: 'fk_filtering_assignments_policy',
    },
  ])
  policy?: FilteringPolicy;

  @Column({ type: 'text' })
  scope: PolicyLevel;

  /** The collectivité, school or pack id, per scope. */
  @Column({ name: 'target_id', type: 'uuid' })
  targetId: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
