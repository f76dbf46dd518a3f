import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Device } from '@socle/fleet';
import { Reprise } from './reprise.entity';

/**
 * One device of a reprise. The primary key on the device puts it in at most one reprise; the
 * foreign key on (device, collectivité, state = 'taken_back') admits only a device of the same
 * collectivité that the state machine moved from `retired` to `taken_back`, and pins it there.
 */
@Entity('reprise_devices')
@Index('idx_reprise_devices_reprise', ['repriseId'])
@Check('chk_reprise_devices_state', `device_state = 'taken_back'`)
export class RepriseDevice {
  @PrimaryColumn({ name: 'device_id', type: 'uuid', primaryKeyConstraintName: 'pk_reprise_devices' })
  deviceId: string;

  @Column({ name: 'reprise_id', type: 'uuid' })
  repriseId: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @Column({ name: 'device_state', type: 'text', default: 'taken_back' })
  deviceState: 'taken_back';

  @ManyToOne(() => Reprise, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'reprise_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_reprise_devices_reprise' },
    {
      name: 'collectivite_id',
      referencedColumnName: 'collectiviteId',
      foreignKeyConstraintName: 'fk_reprise_devices_reprise',
    },
  ])
  reprise?: Reprise;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT', onUpdate: 'NO ACTION' })
  @JoinColumn([
    { name: 'device_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_reprise_devices_device_taken_back' },
    {
      name: 'collectivite_id',
      referencedColumnName: 'collectiviteId',
      foreignKeyConstraintName: 'fk_reprise_devices_device_taken_back',
    },
    {
      name: 'device_state',
      referencedColumnName: 'state',
      foreignKeyConstraintName: 'fk_reprise_devices_device_taken_back',
    },
  ])
  device?: Device;
}
