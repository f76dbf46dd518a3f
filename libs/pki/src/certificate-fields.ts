import { KeyObject, randomBytes } from 'node:crypto';
import * as forge from 'node-forge';
import { signCertificate } from '@socle/device-protocol';
import { derBitString, derSequence } from './der-writer';
import { derFingerprint, forgeBytesToBuffer, toPem } from './pem';

export const OID = {
  commonName: '2.5.4.3',
  serialNumber: '2.5.4.5',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
} as const;

export const ORGANIZATION = 'Socle';

/** Devices and servers whose clock runs a little behind must still accept a certificate issued just now. */
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;
/** X.520 upper bound for most naming attributes. */
const MAX_NAME_LENGTH = 64;
const PRINTABLE_STRING = /^[A-Za-z0-9 '()+,\-./:=?]*$/;
const SHORT_NAMES: Record<string, string> = {
  [OID.commonName]: 'CN',
  [OID.serialNumber]: 'serialNumber',
  [OID.organization]: 'O',
  [OID.organizationalUnit]: 'OU',
};

/**
 * RFC 5280: positive, at most 20 octets, unpredictable. The first octet stays in 0x01–0x7f so the
 * DER INTEGER is exactly 16 octets, with neither a sign pad nor a leading zero.
 */
function randomSerialNumber(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0] & 0x7f || 0x01;
  return bytes.toString('hex');
}

/** PrintableString when the value allows it (what OpenSSL and most readers expect), UTF8String otherwise (accents in collectivité names). */
export function nameAttribute(type: string, value: string): forge.pki.CertificateField {
  const bounded = Array.from(value).slice(0, MAX_NAME_LENGTH).join('');
  const tag = PRINTABLE_STRING.test(bounded) ? forge.asn1.Type.PRINTABLESTRING : forge.asn1.Type.UTF8;
  return { type, value: bounded, valueTagClass: tag as unknown as forge.asn1.Class };
}

/** RFC 4514 form (most specific attribute first), as stored in `issued_certificates.subject`. */
export function distinguishedName(attributes: readonly forge.pki.CertificateField[]): string {
  return [...attributes]
    .reverse()
    .map(
      (attribute) =>
        `${SHORT_NAMES[attribute.type ?? ''] ?? attribute.type}=${escapeNameValue(String(attribute.value))}`,
    )
    .join(',');
}

function escapeNameValue(value: string): string {
  return value
    .replace(/[\\,+"<>;]/g, '\\$&')
    .replace(/^[ #]/, '\\$&')
    .replace(/ $/, '\\ ');
}

export interface Validity {
  notBefore: Date;
  notAfter: Date;
}

/** Whole seconds, because X.509 times have no milliseconds and the database copy must equal the certificate. */
export function validityFor(days: number, now: Date, notAfterCap?: Date): Validity {
  const wanted = now.getTime() + days * DAY_MS;
  return {
    notBefore: wholeSecond(now.getTime() - CLOCK_SKEW_MS),
    notAfter: wholeSecond(notAfterCap ? Math.min(wanted, notAfterCap.getTime()) : wanted),
  };
}

function wholeSecond(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

export interface EncodedCertificate {
  certificatePem: string;
  fingerprint: string;
}

export function signAndEncode(cert: forge.pki.Certificate, issuerKey: KeyObject): EncodedCertificate {
  const { tbsDer, signature } = signCertificate(cert, issuerKey);
  // Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, signatureValue BIT STRING }: the
  // signed bytes are reused as they are rather than re-encoded by forge from its object tree.
  const der = derSequence([tbsDer, SHA256_WITH_RSA_ALGORITHM, derBitString(signature)]);
  return { certificatePem: toPem('CERTIFICATE', der), fingerprint: derFingerprint(der) };
}

/** AlgorithmIdentifier { sha256WithRSAEncryption, NULL }, as forge encodes it. */
const SHA256_WITH_RSA_ALGORITHM = forgeBytesToBuffer(
  forge.asn1
    .toDer(
      forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.SEQUENCE, true, [
        forge.asn1.create(
          forge.asn1.Class.UNIVERSAL,
          forge.asn1.Type.OID,
          false,
          forge.asn1.oidToDer(forge.pki.oids.sha256WithRSAEncryption).getBytes(),
        ),
        forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.NULL, false, ''),
      ]),
    )
    .getBytes(),
);

/** Given precomputed, so forge does not derive it again in JavaScript. */
export function subjectKeyIdentifier(keyIdentifier: string): { name: string; value: forge.asn1.Asn1 } {
  return {
    name: 'subjectKeyIdentifier',
    value: forge.asn1.create(forge.asn1.Class.UNIVERSAL, forge.asn1.Type.OCTETSTRING, false, keyIdentifier),
  };
}

export function newCertificate(
  publicKey: forge.pki.rsa.PublicKey,
  subject: readonly forge.pki.CertificateField[],
  issuer: readonly forge.pki.CertificateField[],
  validity: Validity,
): forge.pki.Certificate {
  const cert = forge.pki.createCertificate();
  cert.serialNumber = randomSerialNumber();
  cert.publicKey = publicKey;
  cert.validity.notBefore = validity.notBefore;
  cert.validity.notAfter = validity.notAfter;
  // forge annotates the attribute objects it is given; the issuer's come from a shared cache.
  cert.setSubject(subject.map((attribute) => ({ ...attribute })));
  cert.setIssuer(issuer.map((attribute) => ({ ...attribute })));
  return cert;
}
