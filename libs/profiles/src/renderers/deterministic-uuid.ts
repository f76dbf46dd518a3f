import { createHash } from 'node:crypto';

/** Socle's own namespace, so our name-based UUIDs never collide with another tool's. */
const SOCLE_NAMESPACE = Buffer.from('5b0c7f6e1d2a4c3b9e8f0a1b2c3d4e5f', 'hex');

/**
 * RFC 9562 version 5 (SHA-1, name-based): re-rendering a profile version yields the same UUIDs,
 * hence the same bytes, so a render can be cached, re-sent or compared without churn on the device.
 */
export function nameBasedUuid(name: string): string {
  const hash = createHash('sha1').update(SOCLE_NAMESPACE).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex').toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A short, stable, reverse-DNS-safe token for a value that may hold any character (a URL, an SSID). */
export function identifierToken(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex').slice(0, 12);
}
