import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';

/** The few conversions between Node buffers, PEM and pkijs objects that every CMS building block needs. */

export function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

export function bufferOf(bytes: ArrayBuffer | Uint8Array): Buffer {
  return bytes instanceof Uint8Array ? Buffer.from(bytes) : Buffer.from(new Uint8Array(bytes));
}

export function toPem(label: string, der: Uint8Array): string {
  const lines =
    Buffer.from(der)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every certificate of a PEM bundle, as DER. */
export function certificatesDerOf(pem: string): Buffer[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)].map((match) =>
    Buffer.from(match[1].replace(/\s+/g, ''), 'base64'),
  );
}

export function pkijsCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(arrayBufferOf(der));
}

export function certificateDer(certificate: pkijs.Certificate): Buffer {
  return bufferOf(certificate.toSchema().toBER(false));
}

/** BER from the wire; throws a plain Error on anything that is not one whole ASN.1 element. */
export function parseBer(bytes: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(arrayBufferOf(bytes));
  if (parsed.offset === -1 || parsed.offset !== bytes.byteLength) throw new Error('not one DER/BER element');
  return parsed.result;
}

/** A signed or unsigned CMS attribute's first value, read as text (PrintableString, UTF8String, IA5String…). */
export function attributeText(attributes: pkijs.Attribute[] | undefined, type: string): string | undefined {
  const value = attributes?.find((attribute) => attribute.type === type)?.values[0] as
    { valueBlock?: { value?: unknown } } | undefined;
  const text = value?.valueBlock?.value;
  return typeof text === 'string' ? text : undefined;
}

export function attributeBytes(attributes: pkijs.Attribute[] | undefined, type: string): Buffer | undefined {
  const value = attributes?.find((attribute) => attribute.type === type)?.values[0];
  return value instanceof asn1js.OctetString ? bufferOf(value.valueBlock.valueHexView) : undefined;
}

export function attributeTime(attributes: pkijs.Attribute[] | undefined, type: string): Date | undefined {
  const value = attributes?.find((attribute) => attribute.type === type)?.values[0];
  return value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime ? value.toDate() : undefined;
}

/**
 * OCTET STRING content, primitive or constructed (BER splits long contents into pieces), also under an
 * implicit tag such as EncryptedContentInfo's `[0]`, which asn1js parses as a bare tagged element.
 */
export function octets(value: asn1js.AsnType): Buffer {
  const block = (value as { valueBlock: { value?: asn1js.AsnType[]; valueHexView?: Uint8Array } }).valueBlock;
  if ((value as asn1js.BaseBlock).idBlock.isConstructed) return Buffer.concat((block.value ?? []).map(octets));
  return bufferOf(block.valueHexView ?? new Uint8Array());
}
