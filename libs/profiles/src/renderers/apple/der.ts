import * as forge from 'node-forge';

/** Thin helpers over forge's ASN.1 nodes, which work on "binary strings" (one char per byte). */
const { asn1 } = forge;
type Node = forge.asn1.Asn1;
/** forge accepts an options object here; its type declarations only know the older boolean. */
const fromDer = asn1.fromDer as unknown as (
  bytes: forge.util.ByteStringBuffer,
  options: { decodeBitStrings: boolean },
) => Node;

export const der = {
  contextSpecific: asn1.Class.CONTEXT_SPECIFIC,
  sequence: (...children: Node[]): Node => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SEQUENCE, true, children),
  set: (children: Node[]): Node => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.SET, true, children),
  oid: (dotted: string): Node =>
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OID, false, asn1.oidToDer(dotted).getBytes()),
  integer: (value: number): Node =>
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.INTEGER, false, asn1.integerToDer(value).getBytes()),
  nullValue: (): Node => asn1.create(asn1.Class.UNIVERSAL, asn1.Type.NULL, false, ''),
  octets: (bytes: Buffer): Node =>
    asn1.create(asn1.Class.UNIVERSAL, asn1.Type.OCTETSTRING, false, bytes.toString('binary')),
  /** [tag] EXPLICIT wraps the whole child; [tag] IMPLICIT replaces a SET's own tag. */
  explicit: (tag: number, child: Node): Node => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, [child]),
  implicitSet: (tag: number, children: Node[]): Node => asn1.create(asn1.Class.CONTEXT_SPECIFIC, tag, true, children),
  /** RFC 5652 §11.3: UTCTime up to 2049, GeneralizedTime after. */
  time: (date: Date): Node =>
    date.getUTCFullYear() < 2050
      ? asn1.create(asn1.Class.UNIVERSAL, asn1.Type.UTCTIME, false, asn1.dateToUtcTime(date))
      : asn1.create(asn1.Class.UNIVERSAL, asn1.Type.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(date)),
  encode: (node: Node): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary'),
  /** Bit strings stay opaque so a parsed certificate re-encodes to exactly the bytes it came from. */
  decode: (bytes: Buffer): Node =>
    fromDer(forge.util.createBuffer(bytes.toString('binary')), { decodeBitStrings: false }),
};

export type DerNode = Node;
