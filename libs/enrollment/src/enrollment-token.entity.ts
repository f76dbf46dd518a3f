import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Pack } from '@socle/fleet';

/** A token is shown once; only its SHA-256 is kept, so a database leak does not enroll anything. */
@Entity('enrollment_tokens')
@Index('uq_enrollment_tokens_hash', ['tokenHash'], { unique: true })
@Index('idx_enrollment_tokens_pack', ['packId'])
@Check('chk_enrollment_tokens_uses', 'use_count >= 0 AND use_count <= max_uses AND max_uses >= 1')
export class EnrollmentToken {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @Column({ name: 'pack_id', type: 'uuid' })
  packId: string;

  @ManyToOne(() => Pack, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pack_id' })
  pack?: Pack;

  @Column({ name: 'token_hash', type: 'bytea' })
  tokenHash: Buffer;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'max_uses', type: 'integer' })
  maxUses: number;

  @Column({ name: 'use_count', type: 'integer', default: 0 })
  useCount: number;

  @Column({ name: 'created_by', type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
