export * from './certificate-authority.entity';
export * from './issued-certificate.entity';
// The signing helpers live beside the agent's shared vocabulary; the PKI's API still offers them.
export { nativeSign, privateKeyObject, signCertificate, signCertificationRequest } from '@socle/device-protocol';
export * from './pki-crypto';
export * from './pki.service';
export * from './pki.module';
export * from './device-certificate.guard';
export * from './pki-error-codes';
