import { createHash, X509Certificate } from 'node:crypto';

/** CA certificates are checked on every forwarded request: parse each PEM once. */
const parsed = new Map<string, X509Certificate>();
const MAX_CACHED = 1024;

export function certificateFingerprint(certificatePem: string): string {
  return createHash('sha256').update(new X509Certificate(certificatePem).raw).digest('hex');
}

/**
 * Whether `certificatePem` is an end-entity certificate signed by one of the intermediates in
 * `caPems`, itself signed by a self-signed root in `caPems`, every link valid at `at`. Never throws:
 * unreadable input is simply not ours.
 */
export function verifyIssuedBy(certificatePem: string, caPems: readonly string[], at: Date = new Date()): boolean {
  try {
    const authorities = caPems.map(parseCa);
    const leaf = new X509Certificate(certificatePem);
    if (leaf.ca || !validAt(leaf, at)) return false;
    const intermediate = authorities.find((ca) => !selfSigned(ca) && signedBy(leaf, ca) && validAt(ca, at));
    if (!intermediate) return false;
    return authorities.some((ca) => selfSigned(ca) && signedBy(intermediate, ca) && validAt(ca, at));
  } catch {
    return false;
  }
}

function parseCa(pem: string): X509Certificate {
  let certificate = parsed.get(pem);
  if (!certificate) {
    if (parsed.size >= MAX_CACHED) parsed.clear();
    certificate = new X509Certificate(pem);
    parsed.set(pem, certificate);
  }
  return certificate;
}

function signedBy(subject: X509Certificate, issuer: X509Certificate): boolean {
  return issuer.ca && subject.checkIssued(issuer) && subject.verify(issuer.publicKey);
}

function selfSigned(certificate: X509Certificate): boolean {
  return signedBy(certificate, certificate);
}

function validAt(certificate: X509Certificate, at: Date): boolean {
  const time = at.getTime();
  return Date.parse(certificate.validFrom) <= time && time <= Date.parse(certificate.validTo);
}
