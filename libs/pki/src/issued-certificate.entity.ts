import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CertificateAuthority } from './certificate-authority.entity';

export type IssuedCertificateKind = 'device' | 'gateway_tls' | 'profile_signing';

/**
 * Every certificate Socle signed. Devices are recognised by the SHA-256 fingerprint of the
 * certificate they present; `revokedAt` makes the gateway refuse it and puts it in the CRL.
 */
@Entity('issued_certificates')
@Index('uq_issued_certificates_fingerprint', ['fingerprint'], { unique: true })
@Index('uq_issued_certificates_issuer_serial', ['issuerId', 'serialNumber'], { unique: true })
@Index('idx_issued_certificates_revoked', ['issuerId'], { where: 'revoked_at IS NOT NULL' })
export class IssuedCertificate {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'issuer_id', type: 'uuid' })
  issuerId: string;

  @ManyToOne(() => CertificateAuthority, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issuer_id' })
  issuer?: CertificateAuthority;

  @Column({ type: 'text' })
  kind: IssuedCertificateKind;

  /** Device this certificate identifies (null for the gateway's own TLS certificate). */
  @Column({ name: 'device_id', type: 'uuid', nullable: true })
  deviceId: string | null;

  @Column({ name: 'serial_number', type: 'text' })
  serialNumber: string;

  /** SHA-256 of the DER certificate, lower-case hex. */
  @Column({ type: 'text' })
  fingerprint: string;

  @Column({ type: 'text' })
  subject: string;

  @Column({ name: 'certificate_pem', type: 'text' })
  certificatePem: string;

  /** Only for the certificates whose key Socle holds (gateway TLS, profile signing), sealed with the master key. */
  @Column({ name: 'sealed_private_key', type: 'text', nullable: true })
  sealedPrivateKey: string | null;

  @Column({ name: 'not_before', type: 'timestamptz' })
  notBefore: Date;

  @Column({ name: 'not_after', type: 'timestamptz' })
  notAfter: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ name: 'revocation_reason', type: 'text', nullable: true })
  revocationReason: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
