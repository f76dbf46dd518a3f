import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import * as forge from 'node-forge';

/** The MDM push certificate a collectivité gets from Apple's Push Certificates Portal. */
export interface PushCertificate {
  certificatePem: string;
  privateKeyPem: string;
  /** The certificate subject's UID: `com.apple.mgmt.External.<uuid>`, the MDM payload's Topic and apns-topic. */
  topic: string;
  notBefore: Date;
  notAfter: Date;
  subject: string;
}

export type PushCertificateProblem =
  | 'PUSH_CERTIFICATE_UNREADABLE'
  | 'PUSH_CERTIFICATE_BAD_PASSWORD'
  | 'PUSH_CERTIFICATE_NO_KEY'
  | 'PUSH_CERTIFICATE_KEY_MISMATCH'
  | 'PUSH_CERTIFICATE_NOT_MDM';

export class PushCertificateError extends Error {
  constructor(
    readonly code: PushCertificateProblem,
    message: string,
  ) {
    super(message);
  }
}

const UID_OID = '0.9.2342.19200300.100.1.1';

/** PEM (certificate and key, in one text or two) or PKCS#12 with its password (what Keychain exports). */
export type PushCertificateInput = { pem: string; keyPem?: string } | { pkcs12: Buffer; password: string };

export function readPushCertificate(input: PushCertificateInput): PushCertificate {
  const { certificatePem, privateKeyPem } =
    'pkcs12' in input ? fromPkcs12(input.pkcs12, input.password) : fromPem(input);
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(certificatePem);
  } catch {
    throw new PushCertificateError(
      'PUSH_CERTIFICATE_UNREADABLE',
      'Certificat de push illisible : envoyez le fichier PEM ou .p12 reçu d’Apple.',
    );
  }
  let keyMatches = false;
  try {
    keyMatches = createPublicKey(createPrivateKey(privateKeyPem)).equals(certificate.publicKey);
  } catch {
    throw new PushCertificateError('PUSH_CERTIFICATE_NO_KEY', 'Clé privée du certificat de push illisible.');
  }
  if (!keyMatches)
    throw new PushCertificateError(
      'PUSH_CERTIFICATE_KEY_MISMATCH',
      'La clé privée ne correspond pas au certificat de push : envoyez la clé qui a servi à la demande (CSR).',
    );
  const topic = uidOf(certificatePem);
  if (!topic?.startsWith('com.apple.mgmt.'))
    throw new PushCertificateError(
      'PUSH_CERTIFICATE_NOT_MDM',
      "Ce n'est pas un certificat de push MDM (sujet sans UID com.apple.mgmt.…) : créez-le sur le portail Apple Push Certificates.",
    );
  return {
    certificatePem: certificate.toString(),
    privateKeyPem: createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'pem' }).toString(),
    topic,
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
    subject: certificate.subject.replace(/\n/g, ', '),
  };
}

/** Whole days left; negative once lapsed. The health report warns from 30 days on. */
export function daysUntilExpiry(certificate: Pick<PushCertificate, 'notAfter'>, now = new Date()): number {
  return Math.floor((certificate.notAfter.getTime() - now.getTime()) / 86_400_000);
}

function fromPem(input: { pem: string; keyPem?: string }): { certificatePem: string; privateKeyPem: string } {
  const text = `${input.pem}\n${input.keyPem ?? ''}`;
  const certificatePem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(text)?.[0];
  const privateKeyPem = /-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END \1?PRIVATE KEY-----/.exec(
    text,
  )?.[0];
  if (!certificatePem)
    throw new PushCertificateError('PUSH_CERTIFICATE_UNREADABLE', 'Aucun certificat PEM dans le fichier envoyé.');
  if (!privateKeyPem)
    throw new PushCertificateError('PUSH_CERTIFICATE_NO_KEY', 'Aucune clé privée PEM avec le certificat de push.');
  return { certificatePem, privateKeyPem };
}

/** node-forge reads PKCS#12 (legacy 3DES/SHA-1 as Keychain writes it, and OpenSSL 3's AES/PBKDF2). */
function fromPkcs12(der: Buffer, password: string): { certificatePem: string; privateKeyPem: string } {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(forge.asn1.fromDer(der.toString('binary')), password);
  } catch (error) {
    if (/MAC could not be verified|Invalid password/i.test((error as Error).message))
      throw new PushCertificateError('PUSH_CERTIFICATE_BAD_PASSWORD', 'Mot de passe du fichier .p12 incorrect.');
    throw new PushCertificateError('PUSH_CERTIFICATE_UNREADABLE', 'Fichier .p12 illisible.');
  }
  const certificate = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag]?.[0]?.cert;
  const key =
    p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag]?.[0]?.key ??
    p12.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag]?.[0]?.key;
  if (!certificate)
    throw new PushCertificateError('PUSH_CERTIFICATE_UNREADABLE', 'Le fichier .p12 ne contient pas de certificat.');
  if (!key) throw new PushCertificateError('PUSH_CERTIFICATE_NO_KEY', 'Le fichier .p12 ne contient pas de clé privée.');
  return { certificatePem: forge.pki.certificateToPem(certificate), privateKeyPem: forge.pki.privateKeyToPem(key) };
}

/** forge keeps the subject's attributes as parsed, UID included (node's X509Certificate only prints it). */
function uidOf(certificatePem: string): string | undefined {
  const certificate = forge.pki.certificateFromPem(certificatePem);
  const uid = certificate.subject.attributes.find((attribute) => attribute.type === UID_OID)?.value;
  return typeof uid === 'string' ? uid : undefined;
}
