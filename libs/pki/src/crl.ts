import * as forge from 'node-forge';
import { issuerDetails, SigningCa } from './issuing-ca';
import { nativeSign } from '@socle/device-protocol';
import { forgeBytesToBuffer, toPem } from './pem';

const { Class, Type } = forge.asn1;
const asn1 = forge.asn1.create;
const SHA256_WITH_RSA = forge.pki.oids.sha256WithRSAEncryption;
const OID_AUTHORITY_KEY_IDENTIFIER = '2.5.29.35';
const OID_CRL_NUMBER = '2.5.29.20';
const OID_REASON_CODE = '2.5.29.21';

/** RFC 5280 §5.3.1 CRLReason names (7 is unassigned). */
export const REVOCATION_REASON_CODES = {
  unspecified: 0,
  keyCompromise: 1,
  cACompromise: 2,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
  certificateHold: 6,
  removeFromCRL: 8,
  privilegeWithdrawn: 9,
  aACompromise: 10,
} as const;

export type RevocationReason = keyof typeof REVOCATION_REASON_CODES;

export interface RevokedCertificate {
  /** Hex, as stored in `issued_certificates.serial_number`. */
  serialNumber: string;
  revokedAt: Date;
  /** A RevocationReason; anything else (or `unspecified`, per RFC 5280) is left out of the entry. */
  reason?: string | null;
}

export interface CrlRequest {
  ca: SigningCa;
  revoked: readonly RevokedCertificate[];
  thisUpdate: Date;
  nextUpdate: Date;
  /** Must grow from one CRL to the next of the same CA. */
  crlNumber: number | bigint;
}

/** An X.509 v2 CRL (RFC 5280 §5): forge has no CRL support, so the structure is laid out by hand. */
export function buildCrl(request: CrlRequest): string {
  const issuer = issuerDetails(request.ca.certificatePem);
  const tbsCertList = asn1(Class.UNIVERSAL, Type.SEQUENCE, true, [
    integer(1n),
    signatureAlgorithm(),
    forge.pki.distinguishedNameToAsn1({ attributes: issuer.subject }),
    time(request.thisUpdate),
    time(request.nextUpdate),
    ...(request.revoked.length ? [asn1(Class.UNIVERSAL, Type.SEQUENCE, true, request.revoked.map(revokedEntry))] : []),
    asn1(Class.CONTEXT_SPECIFIC, 0, true, [
      asn1(Class.UNIVERSAL, Type.SEQUENCE, true, [
        extension(
          OID_AUTHORITY_KEY_IDENTIFIER,
          asn1(Class.UNIVERSAL, Type.SEQUENCE, true, [asn1(Class.CONTEXT_SPECIFIC, 0, false, issuer.keyIdentifier)]),
        ),
        extension(OID_CRL_NUMBER, integer(BigInt(request.crlNumber))),
      ]),
    ]),
  ]);
  const signedBytes = forge.asn1.toDer(tbsCertList).getBytes();
  const certificateList = asn1(Class.UNIVERSAL, Type.SEQUENCE, true, [
    tbsCertList,
    signatureAlgorithm(),
    asn1(Class.UNIVERSAL, Type.BITSTRING, false, `\x00${nativeSign(signedBytes, request.ca.key)}`),
  ]);
  return toPem('X509 CRL', forgeBytesToBuffer(forge.asn1.toDer(certificateList).getBytes()));
}

function revokedEntry(entry: RevokedCertificate): forge.asn1.Asn1 {
  const code = entry.reason ? REVOCATION_REASON_CODES[entry.reason as RevocationReason] : undefined;
  const extensions = code
    ? [extension(OID_REASON_CODE, asn1(Class.UNIVERSAL, Type.ENUMERATED, false, String.fromCharCode(code)))]
    : [];
  return asn1(Class.UNIVERSAL, Type.SEQUENCE, true, [
    integer(BigInt(`0x${entry.serialNumber}`)),
    time(entry.revokedAt),
    ...(extensions.length ? [asn1(Class.UNIVERSAL, Type.SEQUENCE, true, extensions)] : []),
  ]);
}

function signatureAlgorithm(): forge.asn1.Asn1 {
  return asn1(Class.UNIVERSAL, Type.SEQUENCE, true, [
    asn1(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(SHA256_WITH_RSA).getBytes()),
    asn1(Class.UNIVERSAL, Type.NULL, false, ''),
  ]);
}

function extension(oid: string, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  return asn1(Class.UNIVERSAL, Type.SEQUENCE, true, [
    asn1(Class.UNIVERSAL, Type.OID, false, forge.asn1.oidToDer(oid).getBytes()),
    asn1(Class.UNIVERSAL, Type.OCTETSTRING, false, forge.asn1.toDer(value).getBytes()),
  ]);
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
function time(date: Date): forge.asn1.Asn1 {
  return date.getUTCFullYear() < 2050
    ? asn1(Class.UNIVERSAL, Type.UTCTIME, false, forge.asn1.dateToUtcTime(date))
    : asn1(Class.UNIVERSAL, Type.GENERALIZEDTIME, false, forge.asn1.dateToGeneralizedTime(date));
}

/** Minimal two's-complement DER content of a non-negative integer (forge's own helper stops at 32 bits). */
function integer(value: bigint): forge.asn1.Asn1 {
  if (value < 0n) throw new Error('CRL integers are never negative');
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  if (parseInt(hex[0], 16) >= 8) hex = `00${hex}`;
  return asn1(Class.UNIVERSAL, Type.INTEGER, false, forge.util.hexToBytes(hex));
}
