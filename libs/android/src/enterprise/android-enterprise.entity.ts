import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
} from 'typeorm';
import { Collectivite } from '@socle/tenancy';

/**
 * A collectivité's Android enterprise (Google's `enterprises/…`), one per collectivité, and the
 * signup under way before it exists. The signup's `state` (what authenticates Google's redirect
 * back to Socle) is kept only as a SHA-256 hash; the enterprise token Google returns is used at
 * once and never stored.
 */
@Entity('android_enterprises')
@Unique('uq_android_enterprises_collectivite', ['collectiviteId'])
@Unique('uq_android_enterprises_enterprise_name', ['enterpriseName'])
@Unique('uq_android_enterprises_signup_state', ['signupStateHash'])
@Check(
  'chk_android_enterprises_bound_or_pending',
  '(enterprise_name IS NOT NULL AND bound_via IS NOT NULL AND bound_at IS NOT NULL) OR ' +
    '(enterprise_name IS NULL AND signup_url_name IS NOT NULL AND signup_state_hash IS NOT NULL AND signup_expires_at IS NOT NULL)',
)
@Check('chk_android_enterprises_bound_via', "bound_via IS NULL OR bound_via IN ('signup', 'attached')")
@Check('chk_android_enterprises_name', "enterprise_name IS NULL OR enterprise_name ~ '^enterprises/[A-Za-z0-9_-]+$'")
export class AndroidEnterprise {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @ManyToOne(() => Collectivite, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collectivite_id', foreignKeyConstraintName: 'fk_android_enterprises_collectivite' })
  collectivite?: Collectivite;

  @Column({ name: 'enterprise_name', type: 'text', nullable: true })
  enterpriseName: string | null;

  @Column({ name: 'display_name', type: 'text', nullable: true })
  displayName: string | null;

  /** `signup`: created by Socle through Google's signup; `attached`: an enterprise that already existed. */
  @Column({ name: 'bound_via', type: 'text', nullable: true })
  boundVia: 'signup' | 'attached' | null;

  @Column({ name: 'bound_at', type: 'timestamptz', nullable: true })
  boundAt: Date | null;

  /** Who bound it (or started the signup); the audit trail keeps the whole story. */
  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'signup_url_name', type: 'text', nullable: true })
  signupUrlName: string | null;

  @Column({ name: 'signup_state_hash', type: 'bytea', nullable: true })
  signupStateHash: Buffer | null;

  @Column({ name: 'signup_expires_at', type: 'timestamptz', nullable: true })
  signupExpiresAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
