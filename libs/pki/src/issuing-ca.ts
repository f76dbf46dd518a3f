import { KeyObject } from 'node:crypto';
import * as forge from 'node-forge';

/** A CA able to sign: its certificate and its decrypted private key. */
export interface SigningCa {
  certificatePem: string;
  key: KeyObject;
}

export interface IssuerDetails {
  /** Copied into the `issuer` of what this CA signs. */
  subject: forge.pki.CertificateField[];
  /** This CA's subjectKeyIdentifier, as forge bytes, for the authorityKeyIdentifier of what it signs. */
  keyIdentifier: string;
  notAfter: Date;
}

/** Parsing a CA certificate costs more than laying out a leaf, and there are few CAs: parse each once. */
const parsed = new Map<string, IssuerDetails>();
const MAX_CACHED = 1024;

export function issuerDetails(certificatePem: string): IssuerDetails {
  let details = parsed.get(certificatePem);
  if (!details) {
    if (parsed.size >= MAX_CACHED) parsed.clear();
    details = parseIssuer(forge.pki.certificateFromPem(certificatePem));
    parsed.set(certificatePem, details);
  }
  return details;
}

function parseIssuer(cert: forge.pki.Certificate): IssuerDetails {
  const ski = cert.getExtension('subjectKeyIdentifier') as { subjectKeyIdentifier?: string } | null;
  const keyIdentifier = ski?.subjectKeyIdentifier
    ? forge.util.hexToBytes(ski.subjectKeyIdentifier)
    : forge.pki.getPublicKeyFingerprint(cert.publicKey, { type: 'RSAPublicKey' }).getBytes();
  return { subject: cert.subject.attributes.map(reusableAttribute), keyIdentifier, notAfter: cert.validity.notAfter };
}

/** forge parses UTF8String values as raw UTF-8 bytes but re-encodes them on output, which would mangle accented names. */
function reusableAttribute(attribute: forge.pki.CertificateField): forge.pki.CertificateField {
  const isUtf8 = (attribute.valueTagClass as unknown) === forge.asn1.Type.UTF8;
  const value = isUtf8 ? forge.util.decodeUtf8(String(attribute.value)) : attribute.value;
  return { type: attribute.type, value, valueTagClass: attribute.valueTagClass };
}
