import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OsFamily } from '@socle/fleet';
import { Collectivite } from '@socle/tenancy';

/** What a collectivité calls a device "in line". No row: every managed device is compliant. */
@Entity('compliance_rules')
@Check(
  'chk_compliance_rules_checkin_days',
  'max_days_without_checkin IS NULL OR max_days_without_checkin BETWEEN 1 AND 3650',
)
@Check('chk_compliance_rules_battery', 'min_battery_health IS NULL OR min_battery_health BETWEEN 0 AND 100')
export class ComplianceRules {
  @PrimaryColumn({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @OneToOne(() => Collectivite, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collectivite_id', foreignKeyConstraintName: 'fk_compliance_rules_collectivite' })
  collectivite?: Collectivite;

  /** Per OS family, e.g. {"ipados": "17.0", "windows": "10.0.19045"}. */
  @Column({ name: 'min_os_versions', type: 'jsonb', default: () => "'{}'" })
  minOsVersions: Partial<Record<OsFamily, string>>;

  @Column({ name: 'max_days_without_checkin', type: 'integer', nullable: true })
  maxDaysWithoutCheckin: number | null;

  /** Battery health (remaining capacity, %) below which a device is out of line. */
  @Column({ name: 'min_battery_health', type: 'smallint', nullable: true })
  minBatteryHealth: number | null;

  @Column({ name: 'required_profile_ids', type: 'uuid', array: true, default: () => "'{}'" })
  requiredProfileIds: string[];

  /** The device must hold the current filtering of its pack. */
  @Column({ name: 'require_filtering', type: 'boolean', default: false })
  requireFiltering: boolean;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
