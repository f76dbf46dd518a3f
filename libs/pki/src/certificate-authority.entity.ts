import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type CertificateAuthorityKind = 'root' | 'collectivite';

/**
 * The platform root CA and one intermediate per collectivité. The private key is stored only sealed
 * with the master key (SecretBox, bound to the CA id).
 */
@Entity('certificate_authorities')
@Index('uq_certificate_authorities_root', ['kind'], { unique: true, where: `kind = 'root'` })
@Index('uq_certificate_authorities_collectivite', ['collectiviteId'], {
  unique: true,
  where: 'collectivite_id IS NOT NULL',
})
@Check(
  'chk_certificate_authorities_kind',
  `(kind = 'root' AND collectivite_id IS NULL) OR (kind = 'collectivite' AND collectivite_id IS NOT NULL)`,
)
export class CertificateAuthority {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: CertificateAuthorityKind;

  @Column({ name: 'collectivite_id', type: 'uuid', nullable: true })
  collectiviteId: string | null;

  @Column({ name: 'certificate_pem', type: 'text' })
  certificatePem: string;

  @Column({ name: 'sealed_private_key', type: 'text' })
  sealedPrivateKey: string;

  @Column({ name: 'not_after', type: 'timestamptz' })
  notAfter: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
