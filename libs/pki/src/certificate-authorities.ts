import {
  newCertificate,
  nameAttribute,
  OID,
  ORGANIZATION,
  signAndEncode,
  subjectKeyIdentifier,
  validityFor,
} from './certificate-fields';
import { issuerDetails, SigningCa } from './issuing-ca';
import { generateRsaKeyPair, RsaKeyBits } from './rsa-keys';

const ROOT_DAYS = 20 * 365 + 5;
const INTERMEDIATE_DAYS = 10 * 365 + 3;

export interface CreatedCa {
  certificatePem: string;
  privateKeyPem: string;
  notAfter: Date;
}

export interface RootCaOptions {
  commonName: string;
}

export interface IntermediateCaOptions {
  collectiviteId: string;
  name: string;
  /** 3072 by default: the key outlives 2030, after which ANSSI no longer accepts 2048-bit RSA. */
  keyBits?: RsaKeyBits;
}

export function createRootCa(options: RootCaOptions): CreatedCa {
  const keys = generateRsaKeyPair(3072);
  const subject = [nameAttribute(OID.organization, ORGANIZATION), nameAttribute(OID.commonName, options.commonName)];
  const validity = validityFor(ROOT_DAYS, new Date());
  const cert = newCertificate(keys.forgePublicKey, subject, subject, validity);
  cert.setExtensions([
    { name: 'basicConstraints', critical: true, cA: true },
    { name: 'keyUsage', critical: true, keyCertSign: true, cRLSign: true },
    subjectKeyIdentifier(keys.keyIdentifier),
  ]);
  return {
    certificatePem: signAndEncode(cert, keys.privateKey).certificatePem,
    privateKeyPem: keys.privateKeyPem,
    notAfter: validity.notAfter,
  };
}

/** One per collectivité, so its devices can be told apart (and its CA revoked) without touching the others. */
export function createIntermediateCa(root: SigningCa, options: IntermediateCaOptions): CreatedCa {
  const issuer = issuerDetails(root.certificatePem);
  const keys = generateRsaKeyPair(options.keyBits ?? 3072);
  const subject = [
    nameAttribute(OID.organization, ORGANIZATION),
    nameAttribute(OID.organizationalUnit, options.collectiviteId),
    nameAttribute(OID.commonName, options.name.trim() || options.collectiviteId),
  ];
  const validity = validityFor(INTERMEDIATE_DAYS, new Date(), issuer.notAfter);
  const cert = newCertificate(keys.forgePublicKey, subject, issuer.subject, validity);
  cert.setExtensions([
    { name: 'basicConstraints', critical: true, cA: true, pathLenConstraint: 0 },
    { name: 'keyUsage', critical: true, keyCertSign: true, cRLSign: true },
    subjectKeyIdentifier(keys.keyIdentifier),
    { name: 'authorityKeyIdentifier', keyIdentifier: issuer.keyIdentifier },
  ]);
  return {
    certificatePem: signAndEncode(cert, root.key).certificatePem,
    privateKeyPem: keys.privateKeyPem,
    notAfter: validity.notAfter,
  };
}
