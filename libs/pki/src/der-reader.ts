/** Thrown on any structural problem; callers turn it into their own error. */
export class MalformedDer extends Error {}

export interface DerElement {
  tag: number;
  /** Offsets into the buffer: the whole element is [start, end), its content [contentStart, end). */
  start: number;
  contentStart: number;
  end: number;
}

export const DER_TAG = {
  integer: 0x02,
  bitString: 0x03,
  oid: 0x06,
  sequence: 0x30,
} as const;

/**
 * Just enough DER to walk a PKCS#10 request while keeping the exact bytes that were signed (a
 * decode / re-encode round trip would not be byte-identical for every encoder).
 */
export function readElement(der: Buffer, offset: number, limit: number): DerElement {
  if (offset + 2 > limit) throw new MalformedDer('truncated header');
  const tag = der[offset];
  if ((tag & 0x1f) === 0x1f) throw new MalformedDer('high tag numbers are not used in PKCS#10');
  let length = der[offset + 1];
  let contentStart = offset + 2;
  if (length & 0x80) {
    const octets = length & 0x7f;
    if (octets === 0 || octets > 4) throw new MalformedDer('indefinite or oversized length');
    if (contentStart + octets > limit) throw new MalformedDer('truncated length');
    length = 0;
    for (let i = 0; i < octets; i++) length = length * 256 + der[contentStart + i];
    contentStart += octets;
  }
  const end = contentStart + length;
  if (end > limit) throw new MalformedDer('content runs past its parent');
  return { tag, start: offset, contentStart, end };
}

export function readChildren(der: Buffer, parent: DerElement): DerElement[] {
  const children: DerElement[] = [];
  for (let offset = parent.contentStart; offset < parent.end;) {
    const child = readElement(der, offset, parent.end);
    children.push(child);
    offset = child.end;
  }
  return children;
}

export function expectTag(element: DerElement | undefined, tag: number): DerElement {
  if (!element || element.tag !== tag) throw new MalformedDer(`expected tag 0x${tag.toString(16)}`);
  return element;
}

export function contentOf(der: Buffer, element: DerElement): Buffer {
  return der.subarray(element.contentStart, element.end);
}

export function bytesOf(der: Buffer, element: DerElement): Buffer {
  return der.subarray(element.start, element.end);
}
