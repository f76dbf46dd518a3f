import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'sap_';

/** 256 random bits, prefixed so a leaked one is recognisable in a log or a config file. */
export function newAccessPointToken(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function hashAccessPointToken(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}
