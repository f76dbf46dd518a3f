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
import { Collectivite } from '@socle/tenancy';
import { REPRISE_KINDS, RepriseKind } from './lifecycle-enums';

/** A batch of retired devices handed over under the DEEE take-back rules; its slip is the bordereau. Never changed once written. */
@Entity('reprises')
@Unique('uq_reprises_id_tenant', ['id', 'collectiviteId'])
@Unique('uq_reprises_slip', ['collectiviteId', 'slipNumber'])
@Check('chk_reprises_kind', `kind IN (${REPRISE_KINDS.map((kind) => `'${kind}'`).join(', ')})`)
export class Reprise {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @ManyToOne(() => Collectivite, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'collectivite_id', foreignKeyConstraintName: 'fk_reprises_collectivite' })
  collectivite?: Collectivite;

  @Column({ type: 'text' })
  kind: RepriseKind;

  /** The distributor, eco-organism or reuse programme that takes the devices. */
  @Column({ name: 'party_name', type: 'text' })
  partyName: string;

  /** The slip's number: the party's own when given, else one Socle makes up. */
  @Column({ name: 'slip_number', type: 'text' })
  slipNumber: string;

  @Column({ name: 'handed_over_on', type: 'date' })
  handedOverOn: string;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
