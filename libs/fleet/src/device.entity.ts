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
  UpdateDateColumn,
} from 'typeorm';
import {
  DEVICE_KINDS,
  DEVICE_STATES,
  DeviceKind,
  DeviceState,
  FUNDING_SOURCES,
  FundingSource,
  MAINTENANCE_MODES,
  MaintenanceMode,
  OS_FAMILIES,
  OsFamily,
  sqlList,
} from './fleet-enums';
import { Collectivite } from '@socle/tenancy';
import { Pack } from './pack.entity';

const numeric = {
  to: (value?: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/**
 * A tablet or laptop. `positionInPack` is its number in the pack (tablette n°7): unique per pack and
 * between 1 and the pack's capacity, which `packCapacity` mirrors through a cascading foreign key.
 * So no transaction, however concurrent, can put a 16th device in a 15-pack or an Android tablet in
 * an iPadOS pack. `(id, collectivite_id)` and `(id, collectivite_id, state)` are unique so that
 * lifecycle rows can reference a device of their own collectivité, and a reprise only a device
 * that is `taken_back`.
 */
@Entity('devices')
@Unique('uq_devices_tenant_serial', ['collectiviteId', 'serialNumber'])
@Unique('uq_devices_pack_position', ['packId', 'positionInPack'])
@Unique('uq_devices_id_tenant', ['id', 'collectiviteId'])
@Unique('uq_devices_id_tenant_state', ['id', 'collectiviteId', 'state'])
@Index('uq_devices_tenant_inventory', ['collectiviteId', 'inventoryNumber'], {
  unique: true,
  where: 'inventory_number IS NOT NULL',
})
@Index('idx_devices_pack', ['packId'])
@Check('chk_devices_state', `state IN (${sqlList(DEVICE_STATES)})`)
@Check('chk_devices_os_family', `os_family IN (${sqlList(OS_FAMILIES)})`)
@Check('chk_devices_device_kind', `device_kind IN (${sqlList(DEVICE_KINDS)})`)
@Check(
  'chk_devices_maintenance_mode',
  `maintenance_mode IS NULL OR maintenance_mode IN (${sqlList(MAINTENANCE_MODES)})`,
)
@Check(
  'chk_devices_pack_position',
  `(pack_id IS NULL AND position_in_pack IS NULL AND pack_capacity IS NULL) OR (pack_id IS NOT NULL AND position_in_pack BETWEEN 1 AND pack_capacity)`,
)
@Check('chk_devices_battery_level', 'battery_level IS NULL OR battery_level BETWEEN 0 AND 100')
@Check('chk_devices_funding_source', `funding_source IS NULL OR funding_source IN (${sqlList(FUNDING_SOURCES)})`)
@Check('chk_devices_purchase_price', 'purchase_price IS NULL OR purchase_price >= 0')
@Check('chk_devices_battery_health', 'battery_health IS NULL OR battery_health BETWEEN 0 AND 100')
export class Device {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @ManyToOne(() => Collectivite, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collectivite_id', foreignKeyConstraintName: 'fk_devices_collectivite' })
  collectivite?: Collectivite;

  @Column({ name: 'serial_number', type: 'text' })
  serialNumber: string;

  @Column({ type: 'text', nullable: true })
  model: string | null;

  @Column({ name: 'os_family', type: 'text' })
  osFamily: OsFamily;

  @Column({ name: 'os_version', type: 'text', nullable: true })
  osVersion: string | null;

  @Column({ name: 'device_kind', type: 'text' })
  deviceKind: DeviceKind;

  @Column({ type: 'text', default: 'registered' })
  state: DeviceState;

  @Column({ name: 'pack_id', type: 'uuid', nullable: true })
  packId: string | null;

  @ManyToOne(() => Pack, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn([
    { name: 'pack_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_devices_pack_os' },
    { name: 'collectivite_id', referencedColumnName: 'collectiviteId', foreignKeyConstraintName: 'fk_devices_pack_os' },
    { name: 'os_family', referencedColumnName: 'osFamily', foreignKeyConstraintName: 'fk_devices_pack_os' },
  ])
  pack?: Pack;

  @ManyToOne(() => Pack, { onDelete: 'RESTRICT', onUpdate: 'CASCADE' })
  @JoinColumn([
    { name: 'pack_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_devices_pack_capacity' },
    { name: 'pack_capacity', referencedColumnName: 'capacity', foreignKeyConstraintName: 'fk_devices_pack_capacity' },
  ])
  packForCapacity?: Pack;

  @Column({ name: 'pack_capacity', type: 'smallint', nullable: true })
  packCapacity: number | null;

  @Column({ name: 'position_in_pack', type: 'smallint', nullable: true })
  positionInPack: number | null;

  @Column({ name: 'certificate_id', type: 'uuid', nullable: true })
  certificateId: string | null;

  @Column({ name: 'enrolled_at', type: 'timestamptz', nullable: true })
  enrolledAt: Date | null;

  @Column({ name: 'last_checkin_at', type: 'timestamptz', nullable: true })
  lastCheckinAt: Date | null;

  @Column({ name: 'battery_level', type: 'smallint', nullable: true })
  batteryLevel: number | null;

  @Column({ name: 'battery_charging', type: 'boolean', nullable: true })
  batteryCharging: boolean | null;

  /** Remaining capacity against design capacity, in percent. */
  @Column({ name: 'battery_health', type: 'smallint', nullable: true })
  batteryHealth: number | null;

  @Column({ name: 'storage_free_bytes', type: 'bigint', nullable: true, transformer: numeric })
  storageFreeBytes: number | null;

  @Column({ name: 'storage_total_bytes', type: 'bigint', nullable: true, transformer: numeric })
  storageTotalBytes: number | null;

  @Column({ name: 'purchase_date', type: 'date', nullable: true })
  purchaseDate: string | null;

  @Column({ name: 'warranty_end', type: 'date', nullable: true })
  warrantyEnd: string | null;

  @Column({ type: 'text', nullable: true })
  supplier: string | null;

  @Column({ name: 'maintenance_mode', type: 'text', nullable: true })
  maintenanceMode: MaintenanceMode | null;

  @Column({ type: 'boolean', default: false })
  refurbished: boolean;

  /** The collectivité's own asset tag (numéro d'inventaire), unique within it. */
  @Column({ name: 'inventory_number', type: 'text', nullable: true })
  inventoryNumber: string | null;

  @Column({ name: 'funding_source', type: 'text', nullable: true })
  fundingSource: FundingSource | null;

  /** Purchase price in euros, VAT included, as on the invoice. */
  @Column({ name: 'purchase_price', type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numeric })
  purchasePrice: number | null;

  /** Order or public-procurement reference (UGAP order, the town's own market number). */
  @Column({ name: 'order_reference', type: 'text', nullable: true })
  orderReference: string | null;

  /** When the maintenance mode (extension, contract, lease) ends; warranty_end is the manufacturer's. */
  @Column({ name: 'maintenance_end', type: 'date', nullable: true })
  maintenanceEnd: string | null;

  /** Take-back terms agreed with the distributor at purchase (arrêté du 8 octobre 2014), checked at delivery. */
  @Column({ name: 'take_back_terms', type: 'text', nullable: true })
  takeBackTerms: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
