import { createHash, generateKeyPairSync, KeyObject } from 'node:crypto';
import * as forge from 'node-forge';

export type RsaKeyBits = 2048 | 3072;

export interface RsaKeyPair {
  privateKey: KeyObject;
  privateKeyPem: string;
  /** forge lays out certificates, so it needs the public half in its own form. */
  forgePublicKey: forge.pki.rsa.PublicKey;
  /** forge bytes, see keyIdentifierOf. */
  keyIdentifier: string;
}

/** OpenSSL generates in milliseconds what forge's pure-JavaScript keygen takes seconds to find. */
export function generateRsaKeyPair(bits: RsaKeyBits): RsaKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  return {
    privateKey,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    forgePublicKey: toForgePublicKey(publicKey),
    keyIdentifier: keyIdentifierOf(publicKey),
  };
}

/**
 * RFC 5280 §4.2.1.2 method 1: SHA-1 of the RSAPublicKey. forge computes the same thing in
 * JavaScript, at a cost that showed in the enrollment benchmark.
 */
export function keyIdentifierOf(publicKey: KeyObject): string {
  return createHash('sha1')
    .update(publicKey.export({ type: 'pkcs1', format: 'der' }))
    .digest()
    .toString('binary');
}

export function toForgePublicKey(publicKey: KeyObject): forge.pki.rsa.PublicKey {
  return forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
}
