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
import { OS_FAMILIES, OsFamily, sqlList } from '@socle/fleet';
import { Collectivite } from '@socle/tenancy';

const numeric = {
  to: (value?: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * What the collectivité knows of a model, keyed by the exact name devices report (`model`): weight
 * and screen for the socle report, last supported OS and its end of support for renewal planning.
 */
@Entity('device_models')
@Unique('uq_device_models_name', ['collectiviteId', 'name'])
@Check('chk_device_models_os_family', `os_family IS NULL OR os_family IN (${sqlList(OS_FAMILIES)})`)
@Check('chk_device_models_weight', 'weight_grams IS NULL OR weight_grams > 0')
@Check('chk_device_models_screen', 'screen_inches IS NULL OR screen_inches > 0')
export class DeviceModel {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @ManyToOne(() => Collectivite, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collectivite_id', foreignKeyConstraintName: 'fk_device_models_collectivite' })
  collectivite?: Collectivite;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'os_family', type: 'text', nullable: true })
  osFamily: OsFamily | null;

  @Column({ name: 'weight_grams', type: 'integer', nullable: true })
  weightGrams: number | null;

  @Column({ name: 'screen_inches', type: 'numeric', precision: 4, scale: 1, nullable: true, transformer: numeric })
  screenInches: number | null;

  /** The last OS version the maker ships for this model (e.g. "iPadOS 18"). */
  @Column({ name: 'last_supported_os', type: 'text', nullable: true })
  lastSupportedOs: string | null;

  /** When that OS stops receiving security updates: the model must be renewed by then. */
  @Column({ name: 'os_support_end', type: 'date', nullable: true })
  osSupportEnd: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
