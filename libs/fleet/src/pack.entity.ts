import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
} from 'typeorm';
import { School } from '@socle/tenancy';
import { DEVICE_KINDS, DeviceKind, OS_FAMILIES, OsFamily, PACK_CAPACITIES, PackCapacity, sqlList } from './fleet-enums';

/**
 * A classe mobile. The unique keys on (id, collectivite, os_family) and (id, capacity) exist so that
 * devices can reference them: the database itself then guarantees same-OS-per-pack and capacity.
 */
@Entity('packs')
@Unique('uq_packs_school_name', ['schoolId', 'name'])
@Unique('uq_packs_id_tenant_os', ['id', 'collectiviteId', 'osFamily'])
@Unique('uq_packs_id_capacity', ['id', 'capacity'])
@Check('chk_packs_capacity', `capacity IN (${sqlList(PACK_CAPACITIES)})`)
@Check('chk_packs_os_family', `os_family IN (${sqlList(OS_FAMILIES)})`)
@Check('chk_packs_device_kind', `device_kind IN (${sqlList(DEVICE_KINDS)})`)
export class Pack {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId: string;

  /** Composite key: a pack's school belongs to the pack's collectivité. */
  @ManyToOne(() => School, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'school_id', referencedColumnName: 'id' },
    { name: 'collectivite_id', referencedColumnName: 'collectiviteId' },
  ])
  school?: School;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'device_kind', type: 'text' })
  deviceKind: DeviceKind;

  @Column({ name: 'os_family', type: 'text' })
  osFamily: OsFamily;

  @Column({ type: 'smallint' })
  capacity: PackCapacity;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
