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
import type { SafeSearchSettings } from './filtering-policy.types';

/** A named, reusable filtering policy of one collectivité; it takes effect where it is assigned. */
@Entity('filtering_policies')
@Unique('uq_filtering_policies_name', ['collectiviteId', 'name'])
@Unique('uq_filtering_policies_id_tenant', ['id', 'collectiviteId'])
@Check(
  'chk_filtering_policies_categories',
  'NOT (allowed_categories && blocked_categories) AND NOT (allowed_categories && mandatory_categories)',
)
@Check('chk_filtering_policies_domains', 'NOT (allowed_domains && denied_domains)')
@Check('chk_filtering_policies_safe_search', `jsonb_typeof(safe_search) = 'object'`)
export class FilteringPolicy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @ManyToOne(() => Collectivite, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collectivite_id', foreignKeyConstraintName: 'fk_filtering_policies_collectivite' })
  collectivite?: Collectivite;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'blocked_categories', type: 'text', array: true, default: () => "'{}'" })
  blockedCategories: string[];

  @Column({ name: 'allowed_categories', type: 'text', array: true, default: () => "'{}'" })
  allowedCategories: string[];

  /** Only meaningful at collectivité level: no lower level may unblock these. */
  @Column({ name: 'mandatory_categories', type: 'text', array: true, default: () => "'{}'" })
  mandatoryCategories: string[];

  @Column({ name: 'denied_domains', type: 'text', array: true, default: () => "'{}'" })
  deniedDomains: string[];

  @Column({ name: 'allowed_domains', type: 'text', array: true, default: () => "'{}'" })
  allowedDomains: string[];

  /** Null: inherited from the level above. */
  @Column({ name: 'allow_list_only', type: 'boolean', nullable: true })
  allowListOnly: boolean | null;

  @Column({ name: 'safe_search', type: 'jsonb', default: () => "'{}'" })
  safeSearch: SafeSearchSettings;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
