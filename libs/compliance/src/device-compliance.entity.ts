import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Device } from '@socle/fleet';
import type { ComplianceReason } from './evaluate-compliance';

/** The latest evaluation of one device (at check-in, on a rule change, and by the hourly sweep). */
@Entity('device_compliance')
@Index('idx_device_compliance_tenant', ['collectiviteId', 'compliant'])
export class DeviceCompliance {
  @PrimaryColumn({ name: 'device_id', type: 'uuid' })
  deviceId: string;

  @OneToOne(() => Device, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'device_id', foreignKeyConstraintName: 'fk_device_compliance_device' })
  device?: Device;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @Column({ type: 'boolean' })
  compliant: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  reasons: ComplianceReason[];

  @Column({ name: 'evaluated_at', type: 'timestamptz' })
  evaluatedAt: Date;
}

/**
 * Compliance as a relation for set-based readers in other contexts (reports, the device list):
 * `(device_id uuid, compliant boolean, reasons jsonb, evaluated_at timestamptz)`; a device absent
 * has not been evaluated (not managed, or no check-in yet). Join it rather than reading the table.
 */
export const DEVICE_COMPLIANCE_RELATION = 'SELECT device_id, compliant, reasons, evaluated_at FROM device_compliance';
