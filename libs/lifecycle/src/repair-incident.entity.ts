import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { Device } from '@socle/fleet';
import { INCIDENT_KINDS, IncidentKind } from './lifecycle-enums';

const numeric = {
  to: (value?: number | null) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};

/** A breakdown and its repair, so a device's history (and its real cost) is complete. */
@Entity('repair_incidents')
@Index('idx_repair_incidents_device', ['deviceId', 'openedOn'])
@Check('chk_repair_incidents_kind', `kind IN (${INCIDENT_KINDS.map((kind) => `'${kind}'`).join(', ')})`)
@Check('chk_repair_incidents_dates', 'resolved_on IS NULL OR resolved_on >= opened_on')
@Check('chk_repair_incidents_cost', 'cost IS NULL OR cost >= 0')
export class RepairIncident {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @Column({ name: 'device_id', type: 'uuid' })
  deviceId: string;

  @ManyToOne(() => Device, { onDelete: 'RESTRICT' })
  @JoinColumn([
    { name: 'device_id', referencedColumnName: 'id', foreignKeyConstraintName: 'fk_repair_incidents_device' },
    {
      name: 'collectivite_id',
      referencedColumnName: 'collectiviteId',
      foreignKeyConstraintName: 'fk_repair_incidents_device',
    },
  ])
  device?: Device;

  @Column({ type: 'text' })
  kind: IncidentKind;

  @Column({ type: 'text' })
  description: string;

  @Column({ name: 'opened_on', type: 'date' })
  openedOn: string;

  @Column({ name: 'resolved_on', type: 'date', nullable: true })
  resolvedOn: string | null;

  /** What the repair cost the collectivité, in euros (0 under warranty). */
  @Column({ type: 'numeric', precision: 10, scale: 2, nullable: true, transformer: numeric })
  cost: number | null;

  @Column({ type: 'text', nullable: true })
  repairer: string | null;

  @Column({ type: 'text', nullable: true })
  resolution: string | null;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
