import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { SecretBox } from '@socle/core';
import { IssuedCertificate } from './issued-certificate.entity';
import type { IssuedServerCertificate } from './leaf-certificates';

/** A stored certificate closer than this to its end is replaced at its next use. */
const RENEWAL_MARGIN_MS = 30 * 86_400_000;

/** The certificate to use and its private key, in clear for the caller only. */
export interface KeptCertificate {
  certificatePem: string;
  privateKeyPem: string;
}

export interface KeptCertificateRequest {
  kind: 'gateway_tls' | 'profile_signing';
  issuerId: string;
  /** Whether the stored certificate still says what is wanted (the gateway's hostnames, say). */
  stillFits?: (certificatePem: string) => boolean;
  issue: () => IssuedServerCertificate;
}

/**
 * The certificates whose key Socle itself holds (the gateway's TLS, each collectivité's profile
 * signing): one path that reuses the stored one while it fits and has a month left, else issues,
 * seals and stores a new one. Serialised per kind and issuer, so two processes starting at once
 * never issue two.
 */
export class KeptKeyCertificates {
  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
  ) {}

  currentOrIssued(request: KeptCertificateRequest): Promise<KeptCertificate> {
    const { kind, issuerId } = request;
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`socle.pki.${kind}.${issuerId}`]);
      const current = await manager.findOne(IssuedCertificate, {
        where: { kind, issuerId, revokedAt: IsNull() },
        order: { notAfter: 'DESC' },
      });
      if (
        current?.sealedPrivateKey &&
        current.notAfter.getTime() - Date.now() > RENEWAL_MARGIN_MS &&
        (request.stillFits?.(current.certificatePem) ?? true)
      ) {
        return {
          certificatePem: current.certificatePem,
          privateKeyPem: this.secrets.open(current.sealedPrivateKey, current.id),
        };
      }
      const issued = request.issue();
      const id = randomUUID();
      await manager.insert(IssuedCertificate, {
        id,
        issuerId,
        kind,
        deviceId: null,
        serialNumber: issued.serialNumber,
        fingerprint: issued.fingerprint,
        subject: issued.subject,
        certificatePem: issued.certificatePem,
        sealedPrivateKey: this.secrets.seal(issued.privateKeyPem, id),
        notBefore: issued.notBefore,
        notAfter: issued.notAfter,
      });
      return { certificatePem: issued.certificatePem, privateKeyPem: issued.privateKeyPem };
    });
  }
}
