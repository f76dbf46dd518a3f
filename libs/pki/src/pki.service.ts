import { Injectable } from '@nestjs/common';
import { X509Certificate } from 'node:crypto';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { SecretBox, SocleConfig, SocleError } from '@socle/core';
import { CertificateAuthority } from './certificate-authority.entity';
import { CertificateAuthorityStore } from './certificate-authority-store';
import { verifyIssuedBy } from './chain-verification';
import { RevocationReason } from './crl';
import { DeviceCsr, parseDeviceCsr } from './device-csr';
import { IssuedCertificate } from './issued-certificate.entity';
import { KeptKeyCertificates } from './kept-key-certificates';
import type { SigningCa } from './issuing-ca';
import {
  issueDeviceCertificate,
  issueProfileSigningCertificate,
  issueServerCertificate,
  sameServerNames,
} from './leaf-certificates';
import { privateKeyObject } from '@socle/device-protocol';
import { derFingerprint } from './pem';
import { RevocationListPublisher } from './revocation-list-publisher';
import { PkiErrorCode } from './pki-error-codes';

export interface DeviceCertificateInput {
  collectiviteId: string;
  collectiviteName: string;
  deviceId: string;
  hardwareSerial: string;
  /** PEM PKCS#10 as sent by the device, or already checked with parseDeviceCsr. */
  csr: string | DeviceCsr;
}

export interface DeviceCertificateIssued {
  certificate: IssuedCertificate;
  certificatePem: string;
  /** [collectivité intermediate, root], what the device installs next to its certificate. */
  caChain: string[];
}

export interface GatewayTlsCredentials {
  keyPem: string;
  certPem: string;
  /** The root: what devices pin and what client certificates chain to. */
  caPem: string;
}

/** Socle's certificate authority: device identities, the gateway's TLS certificate, revocation. */
@Injectable()
export class PkiService {
  private readonly secrets: SecretBox;
  private readonly authorities: CertificateAuthorityStore;
  private readonly revocationLists: RevocationListPublisher;
  private readonly keptCertificates: KeptKeyCertificates;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: SocleConfig,
  ) {
    this.secrets = new SecretBox(config.masterKey);
    this.authorities = new CertificateAuthorityStore(dataSource, this.secrets);
    this.revocationLists = new RevocationListPublisher(dataSource, this.authorities);
    this.keptCertificates = new KeptKeyCertificates(dataSource, this.secrets);
  }

  rootCa(): Promise<CertificateAuthority> {
    return this.authorities.rootCa();
  }

  collectiviteCa(collectiviteId: string, name: string, manager?: EntityManager): Promise<CertificateAuthority> {
    return this.authorities.collectiviteCa(collectiviteId, name, manager);
  }

  /** Signs the collectivité's configuration profiles: a digitalSignature leaf under its CA, plus the chain above it. */
  async collectiviteSigner(collectiviteId: string, name: string): Promise<SigningCa & { chainPems: string[] }> {
    const [intermediate, root] = await Promise.all([this.collectiviteCa(collectiviteId, name), this.rootCa()]);
    const kept = await this.keptCertificates.currentOrIssued({
      kind: 'profile_signing',
      issuerId: intermediate.id,
      issue: () =>
        issueProfileSigningCertificate({ ca: this.authorities.signer(intermediate), collectiviteName: name }),
    });
    return {
      certificatePem: kept.certificatePem,
      key: privateKeyObject(kept.privateKeyPem),
      chainPems: [intermediate.certificatePem, root.certificatePem],
    };
  }

  /** Records the certificate with `manager`, so it exists only if the caller's enrollment commits. */
  async issueDeviceCertificate(
    manager: EntityManager,
    input: DeviceCertificateInput,
  ): Promise<DeviceCertificateIssued> {
    const csr = typeof input.csr === 'string' ? parseDeviceCsr(input.csr) : input.csr;
    // The CA comes first, through its own transaction: creating it under the caller's would hold its lock until the enrollment commits.
    const [intermediate, root] = await Promise.all([
      this.collectiviteCa(input.collectiviteId, input.collectiviteName),
      this.rootCa(),
    ]);
    const issued = issueDeviceCertificate({
      ca: this.authorities.signer(intermediate),
      csr,
      deviceId: input.deviceId,
      collectiviteId: input.collectiviteId,
      hardwareSerial: input.hardwareSerial,
      days: this.config.deviceCertificateDays,
    });
    const certificate = manager.create(IssuedCertificate, {
      issuerId: intermediate.id,
      kind: 'device',
      deviceId: input.deviceId,
      serialNumber: issued.serialNumber,
      fingerprint: issued.fingerprint,
      subject: issued.subject,
      certificatePem: issued.certificatePem,
      sealedPrivateKey: null,
      notBefore: issued.notBefore,
      notAfter: issued.notAfter,
      revokedAt: null,
      revocationReason: null,
    });
    await manager.insert(IssuedCertificate, certificate);
    return {
      certificate,
      certificatePem: issued.certificatePem,
      caChain: [intermediate.certificatePem, root.certificatePem],
    };
  }

  /** Reuses the stored certificate while it names the same hosts and has a month left; otherwise issues and stores another. */
  async gatewayTlsCredentials(hostnames: readonly string[]): Promise<GatewayTlsCredentials> {
    const root = await this.rootCa();
    const kept = await this.keptCertificates.currentOrIssued({
      kind: 'gateway_tls',
      issuerId: root.id,
      stillFits: (certificatePem) => sameServerNames(certificatePem, hostnames),
      issue: () => issueServerCertificate({ ca: this.authorities.signer(root), hostnames }),
    });
    return { keyPem: kept.privateKeyPem, certPem: kept.certificatePem, caPem: root.certificatePem };
  }

  /** No cache on purpose: a revocation must shut the device out at its very next request, on every gateway. */
  findActiveDeviceCertificate(fingerprint: string): Promise<IssuedCertificate | null> {
    return this.dataSource
      .getRepository(IssuedCertificate)
      .createQueryBuilder('certificate')
      .where('certificate.fingerprint = :fingerprint', { fingerprint: fingerprint.replace(/:/g, '').toLowerCase() })
      .andWhere("certificate.kind = 'device'")
      .andWhere('certificate.revokedAt IS NULL')
      .andWhere('certificate.notBefore <= now() AND certificate.notAfter > now()')
      .getOne();
  }

  /** Proxy mode: the fingerprint of a forwarded client certificate that chains to our root, else null. */
  async verifyForwardedCertificate(pem: string): Promise<string | null> {
    let leaf: X509Certificate;
    try {
      leaf = new X509Certificate(pem);
    } catch {
      return null;
    }
    const fingerprint = derFingerprint(leaf.raw);
    const [root, issuer] = await Promise.all([this.rootCa(), this.authorities.issuerOf(leaf, fingerprint)]);
    if (!issuer) return null;
    return verifyIssuedBy(pem, [root.certificatePem, issuer.certificatePem]) ? fingerprint : null;
  }

  /** True when this call revoked it, false when it already was. */
  async revoke(manager: EntityManager, certificateId: string, reason: RevocationReason): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .update(IssuedCertificate)
      .set({ revokedAt: () => 'now()', revocationReason: reason })
      .where({ id: certificateId, revokedAt: IsNull() })
      .execute();
    if (result.affected) return true;
    if (await manager.existsBy(IssuedCertificate, { id: certificateId })) return false;
    throw SocleError.notFound(
      PkiErrorCode.CertificateNotFound,
      "Ce certificat n'existe pas : il n'a jamais été émis par Socle.",
    );
  }

  /** The root first, then every collectivité intermediate: what devices and reverse proxies trust. */
  async caBundlePem(): Promise<string> {
    await this.rootCa();
    return (await this.authorities.all()).map((ca) => ca.certificatePem).join('');
  }

  crlPem(): Promise<string> {
    return this.revocationLists.crlPem();
  }
}
