import { X509Certificate } from 'node:crypto';
import { certificateDer, certificatesDerOf } from '../cms/asn1-glue';
import { checkSignature, readSignedData } from '../cms/signed-data';

export type MdmSignatureProblem =
  | 'missing'
  | 'malformed'
  | 'bad_signature'
  | 'unknown_issuer'
  | 'expired'
  | 'not_yet_valid'
  | 'not_a_device_certificate';

export type MdmSignatureResult =
  | { ok: true; certificate: X509Certificate; certificatePem: string; fingerprint256: string }
  | { ok: false; problem: MdmSignatureProblem; detail?: string };

export interface MdmSignatureOptions {
  /** The CA certificates (PEM) whose devices may talk to this endpoint: one collectivité's issuing CA. */
  issuingCaPems: readonly string[];
  now?: Date;
}

/** Far above a device certificate and its signature; the header is refused before any parsing past it. */
const MAX_HEADER_LENGTH = 16 * 1024;

/**
 * Checks an `Mdm-Signature` header: base64 of a detached CMS SignedData over the request body, signed
 * with the device's SCEP identity (SignMessage in the MDM payload). The signer certificate must be
 * issued directly by one of `issuingCaPems` — not merely chain to a shared root, or a device of
 * another collectivité under the same root would pass — and be valid now. The caller then binds the
 * returned certificate to the enrolled device the message names.
 */
export async function verifyMdmSignature(
  header: string | undefined,
  body: Buffer,
  options: MdmSignatureOptions,
): Promise<MdmSignatureResult> {
  if (!header?.trim()) return { ok: false, problem: 'missing' };
  const compact = header.replace(/\s+/g, '');
  if (compact.length > MAX_HEADER_LENGTH || !/^[A-Za-z0-9+/]+={0,2}$/.test(compact))
    return { ok: false, problem: 'malformed', detail: 'not base64' };
  let read: ReturnType<typeof readSignedData>;
  try {
    read = readSignedData(Buffer.from(compact, 'base64'));
  } catch (error) {
    return { ok: false, problem: 'malformed', detail: (error as Error).message };
  }
  if (read.content) return { ok: false, problem: 'malformed', detail: 'the signature is not detached' };
  if (!body.length) return { ok: false, problem: 'bad_signature', detail: 'empty body' };
  const signature = await checkSignature(read, { detached: body });
  if (!signature.valid || !signature.signerCertificate)
    return { ok: false, problem: 'bad_signature', detail: signature.reason };
  const certificate = new X509Certificate(certificateDer(signature.signerCertificate));
  const issuer = options.issuingCaPems
    .flatMap(certificatesDerOf)
    .map((der) => new X509Certificate(der))
    .find((ca) => certificate.checkIssued(ca) && certificate.verify(ca.publicKey));
  if (!issuer) return { ok: false, problem: 'unknown_issuer', detail: certificate.issuer.replace(/\n/g, ', ') };
  if (certificate.ca) return { ok: false, problem: 'not_a_device_certificate' };
  const now = options.now ?? new Date();
  if (now < new Date(certificate.validFrom)) return { ok: false, problem: 'not_yet_valid' };
  if (now > new Date(certificate.validTo)) return { ok: false, problem: 'expired' };
  return { ok: true, certificate, certificatePem: certificate.toString(), fingerprint256: certificate.fingerprint256 };
}
