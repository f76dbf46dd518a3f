import { createHash, randomBytes } from 'node:crypto';

/** 256 random bits: long enough that a plain SHA-256 is a safe way to store it (no salt or argon2 needed). */
export function newEnrollmentTokenSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashEnrollmentToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
