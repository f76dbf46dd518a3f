import { createPrivateKey, generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as forge from 'node-forge';
import * as pkijs from 'pkijs';
import { arrayBufferOf, attributeBytes, attributeText, certificateDer, toPem } from '../cms/asn1-glue';
import { ContentCipher, openEnvelope, sealEnvelope } from '../cms/enveloped-data';
import { certificatesOfDegenerate, checkSignature, readSignedData, signData } from '../cms/signed-data';
import {
  failInfoOfCode,
  messageTypeOfCode,
  pkiStatusOfCode,
  SCEP_MESSAGE_TYPE_CODES,
  SCEP_OID,
  ScepMessageType,
} from '../scep/scep-protocol';

/** A device's key and the self-signed certificate it signs its first request with. */
export interface TestDevice {
  key: KeyObject;
  keyPem: string;
  certificatePem: string;
  certificateDer: Buffer;
}

export function testDevice(commonName = 'iPad de test', bits = 2048): TestDevice {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const keyPem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const forgeKey = forge.pki.privateKeyFromPem(keyPem) as forge.pki.rsa.PrivateKey;
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  certificate.serialNumber = '01' + randomBytes(8).toString('hex');
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 3600_000);
  certificate.setSubject([{ name: 'commonName', value: commonName }]);
  certificate.setIssuer([{ name: 'commonName', value: commonName }]);
  certificate.sign(forgeKey, forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(certificate);
  return {
    key: createPrivateKey(keyPem),
    keyPem,
    certificatePem,
    certificateDer: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary'),
  };
}

export function testCsr(
  device: Pick<TestDevice, 'keyPem'>,
  options: { challenge?: string; commonName?: string } = {},
): Buffer {
  const forgeKey = forge.pki.privateKeyFromPem(device.keyPem) as forge.pki.rsa.PrivateKey;
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  csr.setSubject([
    { name: 'commonName', value: options.commonName ?? 'iPad de test' },
    { name: 'organizationName', value: 'Pack CM1' },
  ]);
  if (options.challenge !== undefined) csr.setAttributes([{ name: 'challengePassword', value: options.challenge }]);
  csr.sign(forgeKey, forge.md.sha256.create());
  return Buffer.from(forge.asn1.toDer(forge.pki.certificationRequestToAsn1(csr)).getBytes(), 'binary');
}

export interface TestRequestOptions {
  /** Who the envelope is for: the server's CA or RA certificate (DER). */
  recipientDer: Buffer;
  /** Signs the message; defaults to the device. */
  signer?: { certificateDer: Buffer; key: KeyObject };
  /** The PKCS#10 (or anything else) put in the envelope. */
  content: Buffer;
  messageType?: ScepMessageType;
  transactionId?: string;
  senderNonce?: Buffer;
  cipher?: ContentCipher;
  /** Flip one byte of the signature after signing. */
  corruptSignature?: boolean;
}

/** A pkiMessage as an iPad builds it (RFC 8894 §3.2), with knobs for the attacks the specs try. */
export async function testScepRequest(device: TestDevice, options: TestRequestOptions): Promise<Buffer> {
  const envelope = sealEnvelope(options.content, options.recipientDer, options.cipher ?? 'aes-128-cbc');
  const printable = (type: string, value: string) =>
    new pkijs.Attribute({ type, values: [new asn1js.PrintableString({ value })] });
  const message = await signData({
    content: envelope,
    signer: options.signer ?? { certificateDer: device.certificateDer, key: device.key },
    attributes: [
      printable(SCEP_OID.transactionId, options.transactionId ?? randomBytes(8).toString('hex')),
      printable(SCEP_OID.messageType, SCEP_MESSAGE_TYPE_CODES[options.messageType ?? 'PKCSReq']),
      new pkijs.Attribute({
        type: SCEP_OID.senderNonce,
        values: [new asn1js.OctetString({ valueHex: arrayBufferOf(options.senderNonce ?? randomBytes(16)) })],
      }),
    ],
  });
  if (!options.corruptSignature) return message;
  const read = readSignedData(message);
  const signature = Buffer.from(read.signerInfo.signature.valueBlock.valueHexView);
  signature[10] ^= 0xff;
  read.signerInfo.signature = new asn1js.OctetString({ valueHex: arrayBufferOf(signature) });
  const info = new pkijs.ContentInfo({ contentType: '1.2.840.113549.1.7.2', content: read.signedData.toSchema(true) });
  return Buffer.from(info.toSchema().toBER(false));
}

export interface ReadCertRep {
  status: 'SUCCESS' | 'FAILURE' | 'PENDING' | undefined;
  failInfo?: string;
  messageType?: ScepMessageType;
  transactionId?: string;
  recipientNonce?: Buffer;
  senderNonce?: Buffer;
  signatureValid: boolean;
  signerCertificateDer?: Buffer;
  /** SUCCESS and `device` given: the issued certificate, out of its envelope. */
  certificatePem?: string;
}

/** Reads a CertRep as a client would: its signature, attributes and, given the device's key, the certificate. */
export async function readCertRep(der: Buffer, device?: TestDevice): Promise<ReadCertRep> {
  const read = readSignedData(der);
  const attributes = read.signerInfo.signedAttrs?.attributes;
  const signature = await checkSignature(read);
  const status = pkiStatusOfCode(attributeText(attributes, SCEP_OID.pkiStatus));
  let certificatePem: string | undefined;
  if (status === 'SUCCESS' && device && read.content) {
    const opened = openEnvelope(read.content, [{ certificateDer: device.certificateDer, key: device.key }]);
    const [issued] = certificatesOfDegenerate(opened.content);
    certificatePem = toPem('CERTIFICATE', issued);
  }
  return {
    status,
    failInfo: failInfoOfCode(attributeText(attributes, SCEP_OID.failInfo)),
    messageType: messageTypeOfCode(attributeText(attributes, SCEP_OID.messageType)),
    transactionId: attributeText(attributes, SCEP_OID.transactionId),
    recipientNonce: attributeBytes(attributes, SCEP_OID.recipientNonce),
    senderNonce: attributeBytes(attributes, SCEP_OID.senderNonce),
    signatureValid: signature.valid,
    signerCertificateDer: signature.signerCertificate ? certificateDer(signature.signerCertificate) : undefined,
    certificatePem,
  };
}

/** A certificate issued by `issuer` for a fresh key, with the key usages given (an RA, or an enrolled device). */
export function testIssuedCertificate(
  issuer: { certificatePem: string; privateKeyPem: string },
  options: { commonName: string; keyUsage: Record<string, boolean>; notAfter?: Date; notBefore?: Date },
): TestDevice {
  const device = testDevice(options.commonName);
  const forgeKey = forge.pki.privateKeyFromPem(device.keyPem) as forge.pki.rsa.PrivateKey;
  const issuerCertificate = forge.pki.certificateFromPem(issuer.certificatePem);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e);
  certificate.serialNumber = '02' + randomBytes(8).toString('hex');
  certificate.validity.notBefore = options.notBefore ?? new Date(Date.now() - 60_000);
  certificate.validity.notAfter = options.notAfter ?? new Date(Date.now() + 3600_000);
  certificate.setSubject([{ name: 'commonName', value: options.commonName }]);
  certificate.setIssuer(issuerCertificate.subject.attributes);
  certificate.setExtensions([{ name: 'keyUsage', ...options.keyUsage }]);
  certificate.sign(forge.pki.privateKeyFromPem(issuer.privateKeyPem), forge.md.sha256.create());
  const certificatePem = forge.pki.certificateToPem(certificate);
  return {
    ...device,
    certificatePem,
    certificateDer: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary'),
  };
}
