/** Pure certificate work (no database): key generation, CAs, device and server certificates, CRLs, chain checks. */
export { generateRsaKeyPair } from './rsa-keys';
export type { RsaKeyBits, RsaKeyPair } from './rsa-keys';
export { createIntermediateCa, createRootCa } from './certificate-authorities';
export type { CreatedCa, IntermediateCaOptions, RootCaOptions } from './certificate-authorities';
export type { SigningCa } from './issuing-ca';
export { parseDeviceCsr } from './device-csr';
export type { DeviceCsr } from './device-csr';
export type { CsrProblem } from './device-csr-errors';
export {
  buildDeviceCertificate,
  deviceSanUri,
  issueDeviceCertificate,
  issueServerCertificate,
  sameServerNames,
} from './leaf-certificates';
export type {
  DeviceCertificateRequest,
  IssuedCertificateData,
  IssuedServerCertificate,
  ServerCertificateRequest,
} from './leaf-certificates';
export { buildCrl, REVOCATION_REASON_CODES } from './crl';
export type { CrlRequest, RevocationReason, RevokedCertificate } from './crl';
export { certificateFingerprint, verifyIssuedBy } from './chain-verification';
