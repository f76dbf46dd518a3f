import { createHash } from 'node:crypto';

/** forge's PEM writer uses CRLF; Socle's PEMs are concatenated into bundles and HTTP answers, so plain LF. */
export function toPem(label: string, der: Buffer): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** SHA-256 of the DER encoding, lower-case hex: how the gateway recognises a device. */
export function derFingerprint(der: Buffer): string {
  return createHash('sha256').update(der).digest('hex');
}

/** forge works on "binary strings" (one char per byte). */
export function forgeBytesToBuffer(bytes: string): Buffer {
  return Buffer.from(bytes, 'binary');
}
