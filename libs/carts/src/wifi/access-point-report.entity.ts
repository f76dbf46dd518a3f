import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CartAccessPoint } from './access-point.entity';

/** "The access point is on (off) since `reportedAt`": a state holds until the next report. */
@Entity('access_point_reports')
@Index('idx_access_point_reports_time', ['cartId', 'reportedAt'])
export class AccessPointReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'cart_id', type: 'uuid' })
  cartId: string;

  @ManyToOne(() => CartAccessPoint, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'cart_id',
    referencedColumnName: 'cartId',
    foreignKeyConstraintName: 'fk_access_point_reports_access_point',
  })
  accessPoint?: CartAccessPoint;

  @Column({ name: 'is_on', type: 'boolean' })
  isOn: boolean;

  @Column({ name: 'reported_at', type: 'timestamptz' })
  reportedAt: Date;

  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' })
  receivedAt: Date;
}
