import { DataSource } from 'typeorm';
import { CertificateAuthorityStore } from './certificate-authority-store';
import { buildCrl, RevokedCertificate } from './crl';
import { IssuedCertificate } from './issued-certificate.entity';

const DAY_MS = 86_400_000;
const CRL_VALIDITY_MS = 7 * DAY_MS;
/** Rebuilt daily even when nothing changed, so a published CRL always has days left before nextUpdate. */
const CRL_REFRESH_MS = DAY_MS;

interface Published {
  state: string;
  builtAt: number;
  pem: Promise<string>;
}

/**
 * One CRL per CA, concatenated. Rebuilding signs with every CA key, so the result is kept until the
 * database says something changed: another process may have revoked, and its transaction may commit
 * after ours, hence a cheap state query rather than an in-memory "dirty" flag.
 */
export class RevocationListPublisher {
  private published?: Published;

  constructor(
    private readonly dataSource: DataSource,
    private readonly authorities: CertificateAuthorityStore,
  ) {}

  async crlPem(): Promise<string> {
    const state = await this.revocationState();
    const current = this.published;
    if (current && current.state === state && Date.now() - current.builtAt < CRL_REFRESH_MS) return current.pem;
    const pem = this.build();
    this.published = { state, builtAt: Date.now(), pem };
    pem.catch(() => {
      if (this.published?.pem === pem) this.published = undefined;
    });
    return pem;
  }

  private async revocationState(): Promise<string> {
    const [row] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM certificate_authorities) AS authorities, count(*) AS revoked, max(revoked_at) AS latest
         FROM issued_certificates WHERE revoked_at IS NOT NULL`,
    )) as { authorities: string; revoked: string; latest: Date | null }[];
    return `${row.authorities}/${row.revoked}/${row.latest?.toISOString() ?? '-'}`;
  }

  private async build(): Promise<string> {
    await this.authorities.rootCa();
    const [authorities, revoked] = await Promise.all([
      this.authorities.all(),
      this.dataSource
        .getRepository(IssuedCertificate)
        .createQueryBuilder('certificate')
        .select([
          'certificate.issuerId',
          'certificate.serialNumber',
          'certificate.revokedAt',
          'certificate.revocationReason',
        ])
        .where('certificate.revokedAt IS NOT NULL')
        // An expired certificate is refused anyway; RFC 5280 lets it leave the list.
        .andWhere('certificate.notAfter > now()')
        .getMany(),
    ]);
    const byIssuer = new Map<string, RevokedCertificate[]>();
    for (const certificate of revoked) {
      const entries = byIssuer.get(certificate.issuerId) ?? [];
      entries.push({
        serialNumber: certificate.serialNumber,
        revokedAt: certificate.revokedAt as Date,
        reason: certificate.revocationReason,
      });
      byIssuer.set(certificate.issuerId, entries);
    }
    const thisUpdate = new Date();
    const nextUpdate = new Date(thisUpdate.getTime() + CRL_VALIDITY_MS);
    // Milliseconds since the epoch grow from one build to the next, in every process, without a counter to store.
    const crlNumber = BigInt(thisUpdate.getTime());
    return authorities
      .map((ca) =>
        buildCrl({
          ca: this.authorities.signer(ca),
          revoked: byIssuer.get(ca.id) ?? [],
          thisUpdate,
          nextUpdate,
          crlNumber,
        }),
      )
      .join('');
  }
}
