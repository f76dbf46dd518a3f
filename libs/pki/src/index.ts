export * from './certificate-authority.entity';
export * from './issued-certificate.entity';
export * from './native-signer';
export * from './pki-crypto';
export * from './pki.service';
export * from './pki.module';
export * from './device-certificate.guard';
