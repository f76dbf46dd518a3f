import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { Collectivite } from '../collectivite.entity';

/** A collectivité's identity provider for its staff (académie, town); the client secret is sealed with the master key. */
@Entity('collectivite_oidc')
export class OidcSettings {
  @PrimaryColumn({ name: 'collectivite_id', type: 'uuid' })
  collectiviteId: string;

  @OneToOne(() => Collectivite, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'collectivite_id' })
  collectivite?: Collectivite;

  @Column({ type: 'text' })
  issuer: string;

  @Column({ name: 'client_id', type: 'text' })
  clientId: string;

  @Column({ name: 'client_secret_sealed', type: 'text' })
  clientSecretSealed: string;

  @Column({ type: 'text', array: true })
  scopes: string[];

  @Column({ name: 'email_claim', type: 'text' })
  emailClaim: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
