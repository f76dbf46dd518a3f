import { createHash, KeyObject, verify, webcrypto, X509Certificate } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { arrayBufferOf, bufferOf, octets, parseBer, pkijsCertificate } from './asn1-glue';
import { CMS_OID } from '../scep/scep-protocol';

export interface CmsSigner {
  certificateDer: Buffer;
  key: KeyObject;
}

export interface ReadSignedData {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  /** The encapsulated content, when the message carries one (not for a detached signature). */
  content?: Buffer;
}

/** Parses a CMS ContentInfo holding a SignedData with exactly one signer. Throws a plain Error otherwise. */
export function readSignedData(der: Uint8Array): ReadSignedData {
  const info = new pkijs.ContentInfo({ schema: parseBer(der) });
  if (info.contentType !== CMS_OID.signedData) throw new Error(`content type ${info.contentType}, not SignedData`);
  const signedData = new pkijs.SignedData({ schema: info.content });
  if (signedData.signerInfos.length !== 1) throw new Error(`${signedData.signerInfos.length} signers, expected one`);
  const eContent = signedData.encapContentInfo.eContent;
  return { signedData, signerInfo: signedData.signerInfos[0], content: eContent ? octets(eContent) : undefined };
}

export interface SignatureCheck {
  valid: boolean;
  /** The certificate the signer info names, among those the message carries (or `extraCertificates`). */
  signerCertificate?: pkijs.Certificate;
  reason?: string;
}

/** Checks the one signature of a SignedData; `detached` is the signed content when the message does not carry it. */
export async function checkSignature(
  read: ReadSignedData,
  options: { detached?: Buffer; extraCertificates?: pkijs.Certificate[] } = {},
): Promise<SignatureCheck> {
  const { signedData } = read;
  if (options.extraCertificates?.length)
    signedData.certificates = [...(signedData.certificates ?? []), ...options.extraCertificates];
  if (!read.content && !options.detached?.length) return checkEmptyContentSignature(read);
  try {
    const result = await signedData.verify({
      signer: 0,
      data: options.detached ? arrayBufferOf(options.detached) : undefined,
      checkChain: false,
      extendedMode: true,
    });
    return {
      valid: result.signatureVerified === true,
      signerCertificate: result.signerCertificate ?? undefined,
      reason: result.signatureVerified ? undefined : 'the signature does not match',
    };
  } catch (error) {
    const failure = error as { message?: string; signerCertificate?: pkijs.Certificate | null };
    return { valid: false, signerCertificate: failure.signerCertificate ?? undefined, reason: failure.message };
  }
}

const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'sha1',
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

/**
 * pkijs refuses to verify a signature over empty content (it takes it for a missing detached
 * content), which is exactly what a FAILURE CertRep is: the signed attributes are checked here.
 */
function checkEmptyContentSignature(read: ReadSignedData): SignatureCheck {
  const { signedData, signerInfo } = read;
  const sid = signerInfo.sid;
  const signerCertificate = (signedData.certificates ?? []).find(
    (certificate): certificate is pkijs.Certificate =>
      certificate instanceof pkijs.Certificate &&
      sid instanceof pkijs.IssuerAndSerialNumber &&
      certificate.issuer.isEqual(sid.issuer) &&
      certificate.serialNumber.isEqual(sid.serialNumber),
  );
  if (!signerCertificate) return { valid: false, reason: 'no signer certificate' };
  const hash = HASHES[signerInfo.digestAlgorithm.algorithmId];
  const digest = signerInfo.signedAttrs?.attributes.find((attribute) => attribute.type === CMS_OID.messageDigest)
    ?.values[0] as asn1js.OctetString | undefined;
  if (!hash || !signerInfo.signedAttrs || !digest) return { valid: false, signerCertificate, reason: 'unsupported' };
  const expected = createHash(hash).update(Buffer.alloc(0)).digest();
  const valid =
    expected.equals(bufferOf(digest.valueBlock.valueHexView)) &&
    verify(
      hash,
      bufferOf(signerInfo.signedAttrs.encodedValue),
      new X509Certificate(bufferOf(signerCertificate.toSchema().toBER(false))).publicKey,
      bufferOf(signerInfo.signature.valueBlock.valueHexView),
    );
  return { valid, signerCertificate, reason: valid ? undefined : 'the signature does not match' };
}

/**
 * A SignedData over `content` (attached, or none at all) with the given signed attributes besides
 * contentType and messageDigest, signed with SHA-256 and RSA by pkijs through WebCrypto.
 */
export async function signData(options: {
  content?: Buffer;
  signer: CmsSigner;
  attributes: pkijs.Attribute[];
  certificates?: Buffer[];
}): Promise<Buffer> {
  const signerCertificate = pkijsCertificate(options.signer.certificateDer);
  const digest = createHash('sha256')
    .update(options.content ?? Buffer.alloc(0))
    .digest();
  const attributes = [
    new pkijs.Attribute({ type: CMS_OID.contentType, values: [new asn1js.ObjectIdentifier({ value: CMS_OID.data })] }),
    new pkijs.Attribute({ type: CMS_OID.signingTime, values: [new asn1js.UTCTime({ valueDate: new Date() })] }),
    new pkijs.Attribute({
      type: CMS_OID.messageDigest,
      values: [new asn1js.OctetString({ valueHex: arrayBufferOf(digest) })],
    }),
    ...options.attributes,
  ];
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: encapsulated(options.content),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({
          issuer: signerCertificate.issuer,
          serialNumber: signerCertificate.serialNumber,
        }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: derSorted(attributes) }),
      }),
    ],
    certificates: [signerCertificate, ...(options.certificates ?? []).map((der) => pkijsCertificate(der))],
  });
  await signedData.sign(await signingKey(options.signer.key), 0, 'SHA-256');
  return contentInfoDer(signedData);
}

/** A "certs-only" SignedData (RFC 8894 §3.4): no content, no signer, only certificates. */
export function degenerateCertificates(certificatesDer: Buffer[]): Buffer {
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: CMS_OID.data }),
    signerInfos: [],
    certificates: certificatesDer.map((der) => pkijsCertificate(der)),
  });
  return contentInfoDer(signedData);
}

/** The certificates a certs-only SignedData carries, as DER. */
export function certificatesOfDegenerate(der: Uint8Array): Buffer[] {
  const info = new pkijs.ContentInfo({ schema: parseBer(der) });
  const signedData = new pkijs.SignedData({ schema: info.content });
  return (signedData.certificates ?? [])
    .filter((certificate): certificate is pkijs.Certificate => certificate instanceof pkijs.Certificate)
    .map((certificate) => bufferOf(certificate.toSchema().toBER(false)));
}

/** DER orders a SET OF by encoding, and verifiers such as Go's re-encode the attributes before checking the signature. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  return attributes
    .map((attribute) => ({ attribute, der: bufferOf(attribute.toSchema().toBER(false)) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map(({ attribute }) => attribute);
}

/**
 * pkijs's constructor always re-wraps eContent as a constructed (BER) OCTET STRING, which strict DER
 * parsers such as Go's refuse; assigned afterwards it stays one primitive OCTET STRING. No content:
 * no eContent at all, as RFC 8894 wants for a FAILURE CertRep.
 */
function encapsulated(content: Buffer | undefined): pkijs.EncapsulatedContentInfo {
  const info = new pkijs.EncapsulatedContentInfo({ eContentType: CMS_OID.data });
  if (content) info.eContent = new asn1js.OctetString({ valueHex: arrayBufferOf(content) });
  return info;
}

function contentInfoDer(signedData: pkijs.SignedData): Buffer {
  const info = new pkijs.ContentInfo({ contentType: CMS_OID.signedData, content: signedData.toSchema(true) });
  return bufferOf(info.toSchema().toBER(false));
}

const importedKeys = new WeakMap<KeyObject, Promise<webcrypto.CryptoKey>>();

function signingKey(key: KeyObject): Promise<webcrypto.CryptoKey> {
  let imported = importedKeys.get(key);
  if (!imported) {
    imported = webcrypto.subtle.importKey(
      'pkcs8',
      key.export({ type: 'pkcs8', format: 'der' }),
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
    importedKeys.set(key, imported);
  }
  return imported;
}
