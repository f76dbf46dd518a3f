/**
 * What a device (the reference agent) and Socle share, with no Nest or TypeORM behind it: the OS
 * families and device kinds both speak of, and the RSA signing of certificates and requests.
 */
export * from './device-enums';
export * from './native-signer';
