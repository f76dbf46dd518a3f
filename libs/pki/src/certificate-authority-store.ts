import { Logger } from '@nestjs/common';
import { KeyObject, randomUUID, X509Certificate } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SecretBox } from '@socle/core';
import { CertificateAuthority } from './certificate-authority.entity';
import { createIntermediateCa, createRootCa, CreatedCa } from './certificate-authorities';
import { IssuedCertificate } from './issued-certificate.entity';
import { SigningCa } from './issuing-ca';
import { privateKeyObject } from '@socle/device-protocol';

const ROOT_COMMON_NAME = 'Socle Root CA';

/**
 * Finds or creates the CAs, once across processes (advisory lock per CA), and keeps what never
 * changes in memory: the rows and their decrypted keys.
 */
export class CertificateAuthorityStore {
  private readonly logger = new Logger(CertificateAuthorityStore.name);
  private root?: Promise<CertificateAuthority>;
  private readonly byCollectivite = new Map<string, Promise<CertificateAuthority>>();
  private readonly bySubject = new Map<string, CertificateAuthority>();
  private readonly keys = new Map<string, KeyObject>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly secrets: SecretBox,
  ) {}

  rootCa(): Promise<CertificateAuthority> {
    this.root ??= this.remembered(
      this.dataSource.transaction((manager) =>
        this.findOrCreate(manager, { kind: 'root', collectiviteId: null }, () =>
          createRootCa({ commonName: ROOT_COMMON_NAME }),
        ),
      ),
      () => (this.root = undefined),
    );
    return this.root;
  }

  /**
   * With a manager inside a transaction, a missing CA is created in that transaction and nothing is
   * cached (it may roll back). Otherwise it is created in a transaction of its own, so a caller's
   * open transaction never waits on it.
   */
  collectiviteCa(collectiviteId: string, name: string, manager?: EntityManager): Promise<CertificateAuthority> {
    if (manager?.queryRunner?.isTransactionActive) return this.findOrCreateIntermediate(manager, collectiviteId, name);
    let ca = this.byCollectivite.get(collectiviteId);
    if (!ca) {
      ca = this.remembered(
        this.dataSource.transaction((own) => this.findOrCreateIntermediate(own, collectiviteId, name)),
        () => this.byCollectivite.delete(collectiviteId),
      );
      this.byCollectivite.set(collectiviteId, ca);
    }
    return ca;
  }

  /** The CA that signed a certificate: from memory, else from the record of what we issued. */
  async issuerOf(certificate: X509Certificate, fingerprint: string): Promise<CertificateAuthority | null> {
    const known = this.bySubject.get(certificate.issuer);
    if (known) return known;
    const issued = await this.dataSource
      .getRepository(IssuedCertificate)
      .findOne({ where: { fingerprint }, relations: { issuer: true } });
    if (!issued?.issuer) return null;
    this.rememberSubject(issued.issuer);
    return issued.issuer;
  }

  all(): Promise<CertificateAuthority[]> {
    return this.dataSource.getRepository(CertificateAuthority).find({ order: { kind: 'DESC', createdAt: 'ASC' } });
  }

  signer(ca: CertificateAuthority): SigningCa {
    let key = this.keys.get(ca.id);
    if (!key) {
      key = privateKeyObject(this.openSealedKey(ca));
      this.keys.set(ca.id, key);
    }
    return { certificatePem: ca.certificatePem, key };
  }

  private openSealedKey(ca: CertificateAuthority): string {
    try {
      return this.secrets.open(ca.sealedPrivateKey, ca.id);
    } catch {
      throw new Error(
        `Cannot decrypt the private key of CA ${ca.id}: SOCLE_MASTER_KEY is not the key it was sealed with`,
      );
    }
  }

  private async findOrCreateIntermediate(
    manager: EntityManager,
    collectiviteId: string,
    name: string,
  ): Promise<CertificateAuthority> {
    const root = await this.rootCa();
    return this.findOrCreate(manager, { kind: 'collectivite', collectiviteId }, () =>
      createIntermediateCa(this.signer(root), { collectiviteId, name }),
    );
  }

  private async findOrCreate(
    manager: EntityManager,
    identity: Pick<CertificateAuthority, 'kind' | 'collectiviteId'>,
    create: () => CreatedCa,
  ): Promise<CertificateAuthority> {
    const repository = manager.getRepository(CertificateAuthority);
    const where = { kind: identity.kind, collectiviteId: identity.collectiviteId ?? undefined };
    const existing = await repository.findOneBy(where);
    if (existing) return existing;
    // Key generation takes a while: one process does it, the others wait here and then read its row.
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `socle.pki.ca:${identity.collectiviteId ?? 'root'}`,
    ]);
    const createdMeanwhile = await repository.findOneBy(where);
    if (createdMeanwhile) return createdMeanwhile;
    const created = create();
    const ca = repository.create({
      ...identity,
      id: randomUUID(),
      certificatePem: created.certificatePem,
      notAfter: created.notAfter,
    });
    ca.sealedPrivateKey = this.secrets.seal(created.privateKeyPem, ca.id);
    await repository.insert(ca);
    this.keys.set(ca.id, privateKeyObject(created.privateKeyPem));
    this.logger.log(
      `Created ${identity.kind} CA ${ca.id}${identity.collectiviteId ? ` for collectivité ${identity.collectiviteId}` : ''}`,
    );
    return ca;
  }

  /** Keeps a settled CA for the subject lookup; forgets a failed attempt so the next call retries. */
  private remembered(pending: Promise<CertificateAuthority>, forget: () => void): Promise<CertificateAuthority> {
    return pending.then(
      (ca) => {
        this.rememberSubject(ca);
        return ca;
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    );
  }

  private rememberSubject(ca: CertificateAuthority): void {
    this.bySubject.set(new X509Certificate(ca.certificatePem).subject, ca);
  }
}
