import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from './user.entity';

/** One signed-out token (logout): refused until it would have expired anyway, then purged. */
@Entity('revoked_tokens')
@Index('idx_revoked_tokens_expiry', ['expiresAt'])
export class RevokedToken {
  @PrimaryColumn({ name: 'jti', type: 'uuid' })
  jti: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
