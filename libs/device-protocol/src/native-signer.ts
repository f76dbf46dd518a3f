import { createPrivateKey, KeyObject, sign } from 'node:crypto';
import * as forge from 'node-forge';

const SHA256_WITH_RSA = forge.pki.oids.sha256WithRSAEncryption;

/** Both exist in node-forge but are missing from @types/node-forge. */
const forgeInternals = forge.pki as typeof forge.pki & {
  getTBSCertificate(cert: forge.pki.Certificate): forge.asn1.Asn1;
  getCertificationRequestInfo(csr: forge.pki.CertificateSigningRequest): forge.asn1.Asn1;
};

/**
 * node-forge builds certificates well but signs in pure JavaScript, which caps enrollment at a few
 * dozen devices per second. These helpers keep forge for the structure and do what `cert.sign()`
 * does, except the RSA signature itself, which OpenSSL computes through node:crypto.
 */
export function signCertificate(cert: forge.pki.Certificate, privateKey: KeyObject): SignedParts {
  const mutable = cert as forge.pki.Certificate & { tbsCertificate: forge.asn1.Asn1; md: forge.md.MessageDigest };
  mutable.signatureOid = SHA256_WITH_RSA;
  mutable.siginfo.algorithmOid = SHA256_WITH_RSA;
  mutable.tbsCertificate = forgeInternals.getTBSCertificate(cert);
  const bytes = forge.asn1.toDer(mutable.tbsCertificate).getBytes();
  leaveLazyDigest(mutable, bytes);
  mutable.signature = nativeSign(bytes, privateKey);
  return { tbsDer: Buffer.from(bytes, 'binary'), signature: Buffer.from(mutable.signature, 'binary') };
}

/** The DER of what was signed and the signature, so the caller can encode the certificate without forge walking it again. */
export interface SignedParts {
  tbsDer: Buffer;
  signature: Buffer;
}

export function signCertificationRequest(csr: forge.pki.CertificateSigningRequest, privateKey: KeyObject): void {
  const mutable = csr as forge.pki.CertificateSigningRequest & {
    certificationRequestInfo: forge.asn1.Asn1;
    siginfo: { algorithmOid: string };
    md: forge.md.MessageDigest;
  };
  mutable.signatureOid = SHA256_WITH_RSA;
  mutable.siginfo.algorithmOid = SHA256_WITH_RSA;
  mutable.certificationRequestInfo = forgeInternals.getCertificationRequestInfo(csr);
  const bytes = forge.asn1.toDer(mutable.certificationRequestInfo).getBytes();
  leaveLazyDigest(mutable, bytes);
  mutable.signature = nativeSign(bytes, privateKey);
}

/**
 * forge's `verify()` reuses the digest left on the object, so leave the one a forge signature
 * would — computed only if something asks for it: forge's SHA-256 is JavaScript, and issuing a
 * certificate never needs it.
 */
function leaveLazyDigest(signed: object, bytes: string): void {
  let md: forge.md.MessageDigest | undefined;
  Object.defineProperty(signed, 'md', {
    configurable: true,
    enumerable: true,
    get: () => {
      if (!md) {
        md = forge.md.sha256.create();
        md.update(bytes);
      }
      return md;
    },
    set: (value: forge.md.MessageDigest) => (md = value),
  });
}

/** Signs forge's binary string with RSA PKCS#1 v1.5 / SHA-256 and returns forge's binary string. */
export function nativeSign(binary: string, privateKey: KeyObject): string {
  return sign('sha256', Buffer.from(binary, 'binary'), privateKey).toString('binary');
}

export function privateKeyObject(pem: string): KeyObject {
  return createPrivateKey(pem);
}
