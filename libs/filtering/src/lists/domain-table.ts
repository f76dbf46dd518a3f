const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MAX_DOMAIN_BYTES = 255;
const MAX_SETS = 0xffff;

/** FNV-1a over `text[start..]`: a host's suffix is hashed where it lies, without slicing a new string. */
function hashSuffix(text: string, start: number): number {
  let hash = FNV_OFFSET;
  for (let index = start; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  return hash >>> 0;
}

function hashBytes(bytes: Uint8Array, offset: number, length: number): number {
  let hash = FNV_OFFSET;
  for (let index = offset; index < offset + length; index++) hash = Math.imul(hash ^ bytes[index], FNV_PRIME);
  return hash >>> 0;
}

/**
 * Millions of listed domains as a few typed arrays instead of millions of JavaScript strings:
 * the bytes of every domain end to end, an open-addressing hash table of entry numbers, and each
 * entry's category set. About 35 bytes a domain instead of about 100, and — what matters for a
 * server — nothing for the garbage collector to walk. Domains are normalised ASCII (punycode).
 */
export class DomainTable {
  constructor(
    private readonly bytes: Uint8Array,
    private readonly offsets: Uint32Array,
    private readonly lengths: Uint8Array,
    private readonly sets: Uint16Array,
    private readonly slots: Int32Array,
    readonly size: number,
  ) {}

  /** The category set of `host[start..]`, or -1. */
  get(host: string, start = 0): number {
    const length = host.length - start;
    const mask = this.slots.length - 1;
    for (let slot = hashSuffix(host, start) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] - 1;
      if (entry < 0) return -1;
      if (this.lengths[entry] === length && this.equals(entry, host, start, length)) return this.sets[entry];
    }
  }

  get byteLength(): number {
    return (
      this.bytes.byteLength +
      this.offsets.byteLength +
      this.lengths.byteLength +
      this.sets.byteLength +
      this.slots.byteLength
    );
  }

  private equals(entry: number, host: string, start: number, length: number): boolean {
    const offset = this.offsets[entry];
    for (let index = 0; index < length; index++)
      if (this.bytes[offset + index] !== host.charCodeAt(start + index)) return false;
    return true;
  }
}

/** Grows by doubling while entries arrive in any order; a domain added twice gets its sets merged by the caller. */
export class DomainTableBuilder {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  private offsets = new Uint32Array(1 << 12);
  private lengths = new Uint8Array(1 << 12);
  private sets = new Uint16Array(1 << 12);
  private slots = new Int32Array(1 << 13);
  private count = 0;

  /** Sets `domain` to `merge(current set, or -1)`. */
  upsert(domain: string, merge: (current: number) => number): void {
    if (domain.length > MAX_DOMAIN_BYTES) return;
    const mask = this.slots.length - 1;
    for (let slot = hashSuffix(domain, 0) & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot] - 1;
      if (entry < 0) {
        this.slots[slot] = this.append(domain, merge(-1)) + 1;
        if (this.count * 2 > this.slots.length) this.rehash();
        return;
      }
      if (this.lengths[entry] === domain.length && this.same(entry, domain)) {
        this.sets[entry] = checkedSet(merge(this.sets[entry]));
        return;
      }
    }
  }

  build(): DomainTable {
    return new DomainTable(
      this.bytes.slice(0, this.used),
      this.offsets.slice(0, this.count),
      this.lengths.slice(0, this.count),
      this.sets.slice(0, this.count),
      this.slots,
      this.count,
    );
  }

  private append(domain: string, set: number): number {
    while (this.used + domain.length > this.bytes.length) this.bytes = grow(this.bytes, this.bytes.length * 2);
    if (this.count === this.offsets.length) {
      this.offsets = grow(this.offsets, this.count * 2);
      this.lengths = grow(this.lengths, this.count * 2);
      this.sets = grow(this.sets, this.count * 2);
    }
    for (let index = 0; index < domain.length; index++) this.bytes[this.used + index] = domain.charCodeAt(index);
    this.offsets[this.count] = this.used;
    this.lengths[this.count] = domain.length;
    this.sets[this.count] = checkedSet(set);
    this.used += domain.length;
    return this.count++;
  }

  private same(entry: number, domain: string): boolean {
    const offset = this.offsets[entry];
    for (let index = 0; index < domain.length; index++)
      if (this.bytes[offset + index] !== domain.charCodeAt(index)) return false;
    return true;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let entry = 0; entry < this.count; entry++) {
      let slot = hashBytes(this.bytes, this.offsets[entry], this.lengths[entry]) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = entry + 1;
    }
    this.slots = slots;
  }
}

function checkedSet(set: number): number {
  if (set < 0 || set > MAX_SETS)
    throw new Error(`More than ${MAX_SETS} distinct category combinations in one list version`);
  return set;
}

function grow<T extends Uint8Array | Uint16Array | Uint32Array>(array: T, length: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(length);
  bigger.set(array);
  return bigger;
}
