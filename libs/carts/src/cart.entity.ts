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
import { Pack } from '@socle/fleet';
import { School } from '@socle/tenancy';

/**
 * A charging cart (malle, meuble de recharge) and the one pack it holds. `packCapacity` mirrors the
 * pack's capacity through a cascading foreign key, so the database itself refuses a pack bigger than
 * the cart's slots — even when the pack's capacity is raised later.
 */
@Entity('carts')
@Unique('uq_carts_school_label', ['schoolId', 'label'])
@Unique('uq_carts_pack', ['packId'])
@Unique('uq_carts_id_slot_count', ['id', 'slotCount'])
@Check('chk_carts_slot_count', 'slot_count BETWEEN 1 AND 60')
@Check(
  'chk_carts_pack_fits',
  '(pack_id IS NULL AND pack_capacity IS NULL) OR (pack_id IS NOT NULL AND slot_count >= pack_capacity)',
)
export class Cart {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId: string;

  /** Composite key: the cart's school belongs to the cart's collectivité. */
  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'school_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_carts_school' },
    { name: 'collectivite_id', referencedColumnName: 'collectiviteId', foreignKeyConstraintName: 'fk_carts_school' },
  ])
  school?: School;

  @Column({ type: 'text' })
  label: string;

  /** Where it is kept between lessons (room, floor), as the school says it. */
  @Column({ type: 'text' })
  location: string;

  @Column({ name: 'slot_count', type: 'smallint' })
  slotCount: number;

  @Column({ name: 'has_charging', type: 'boolean', default: true })
  hasCharging: boolean;

  @Column({ name: 'has_sync', type: 'boolean', default: false })
  hasSync: boolean;

  @Column({ name: 'has_anti_theft_lock', type: 'boolean', default: false })
  hasAntiTheftLock: boolean;

  @Column({ name: 'pack_id', type: 'uuid', nullable: true })
  packId: string | null;

  @ManyToOne(() => Pack, { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn([
    { name: 'pack_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_carts_pack_capacity' },
    { name: 'pack_capacity', referencedColumnName: 'capacity', foreignKeyConstraintName: 'fk_carts_pack_capacity' },
  ])
  pack?: Pack;

  @Column({ name: 'pack_capacity', type: 'smallint', nullable: true })
  packCapacity: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** The packs that have their charging cart, once each: `(pack_id uuid)`, for set-based readers in other contexts (reports). */
export const PACKS_WITH_CART_RELATION = 'SELECT DISTINCT pack_id FROM carts WHERE pack_id IS NOT NULL';
