/** The writing half of der-reader.ts: enough DER to wrap bytes that are already encoded. */
function derLength(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest % 256);
  return Buffer.from([0x80 | octets.length, ...octets]);
}

function derElement(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

export function derSequence(encodedElements: readonly Buffer[]): Buffer {
  return derElement(0x30, Buffer.concat(encodedElements));
}

/** A BIT STRING of whole octets (no unused bits), as a signature is. */
export function derBitString(octets: Buffer): Buffer {
  return derElement(0x03, Buffer.concat([Buffer.from([0]), octets]));
}
