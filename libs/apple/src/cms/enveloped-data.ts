import {
  constants,
  createCipheriv,
  createDecipheriv,
  KeyObject,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  X509Certificate,
} from 'node:crypto';
import * as asn1js from 'asn1js';
import * as forge from 'node-forge';
import * as pkijs from 'pkijs';
import { arrayBufferOf, bufferOf, octets, parseBer, pkijsCertificate } from './asn1-glue';
import { CMS_OID } from '../scep/scep-protocol';

/** Content-encryption algorithms SCEP clients use: iPads pick AES when the server offers it, older clients 3DES or DES. */
export type ContentCipher = 'aes-128-cbc' | 'aes-192-cbc' | 'aes-256-cbc' | 'des-ede3-cbc' | 'des-cbc';

const CIPHER_OIDS: Record<ContentCipher, string> = {
  'aes-128-cbc': '2.16.840.1.101.3.4.1.2',
  'aes-192-cbc': '2.16.840.1.101.3.4.1.22',
  'aes-256-cbc': '2.16.840.1.101.3.4.1.42',
  'des-ede3-cbc': '1.2.840.113549.3.7',
  'des-cbc': '1.3.14.3.2.7',
};

const KEY_BYTES: Record<ContentCipher, number> = {
  'aes-128-cbc': 16,
  'aes-192-cbc': 24,
  'aes-256-cbc': 32,
  'des-ede3-cbc': 24,
  'des-cbc': 8,
};

export class EnvelopeError extends Error {
  constructor(
    message: string,
    /** An algorithm we do not speak (SCEP's badAlg) rather than a message we cannot open (badMessageCheck). */
    readonly unsupportedAlgorithm = false,
  ) {
    super(message);
  }
}

export interface EnvelopeRecipient {
  certificateDer: Buffer;
  key: KeyObject;
}

export interface OpenedEnvelope {
  content: Buffer;
  cipher: ContentCipher;
}

/**
 * Opens a CMS EnvelopedData (RFC 5652 §6) addressed to one of `recipients` by issuer and serial.
 * pkijs reads the structure; the key transport and the cipher run here because WebCrypto, which pkijs
 * decrypts with, has neither RSAES-PKCS1-v1_5 (what every SCEP client uses) nor DES.
 */
export function openEnvelope(der: Uint8Array, recipients: readonly EnvelopeRecipient[]): OpenedEnvelope {
  let enveloped: pkijs.EnvelopedData;
  try {
    const info = new pkijs.ContentInfo({ schema: parseBer(der) });
    if (info.contentType !== CMS_OID.envelopedData) throw new Error(`content type ${info.contentType}`);
    enveloped = new pkijs.EnvelopedData({ schema: info.content });
  } catch (error) {
    throw new EnvelopeError(`not a CMS EnvelopedData (${(error as Error).message})`);
  }
  const match = findRecipient(enveloped, recipients);
  if (!match) throw new EnvelopeError('the envelope is addressed to none of our certificates');
  const encryption = enveloped.encryptedContentInfo.contentEncryptionAlgorithm;
  const cipher = cipherOfOid(encryption.algorithmId);
  if (!cipher) throw new EnvelopeError(`content encryption ${encryption.algorithmId} is not supported`, true);
  if (!(encryption.algorithmParams instanceof asn1js.OctetString))
    throw new EnvelopeError('the content encryption has no IV');
  const iv = octets(encryption.algorithmParams);
  const encrypted = enveloped.encryptedContentInfo.encryptedContent;
  if (!encrypted) throw new EnvelopeError('the envelope carries no encrypted content');
  const key = unwrapKey(match.info, match.recipient.key, KEY_BYTES[cipher]);
  try {
    return { content: decrypt(cipher, key, iv, octets(encrypted)), cipher };
  } catch {
    throw new EnvelopeError('the envelope does not decrypt with our key');
  }
}

/** Seals `content` for one recipient certificate (RSA key transport, PKCS#1 v1.5, as SCEP clients expect). */
export function sealEnvelope(content: Buffer, recipientCertificateDer: Buffer, cipher: ContentCipher): Buffer {
  if (cipher === 'des-cbc') throw new Error('Socle never encrypts with single DES');
  const recipient = pkijsCertificate(recipientCertificateDer);
  const publicKey = new X509Certificate(recipientCertificateDer).publicKey;
  const key = randomBytes(KEY_BYTES[cipher]);
  const iv = randomBytes(cipher.startsWith('aes') ? 16 : 8);
  const cipherer = createCipheriv(cipher, key, iv);
  const ciphertext = Buffer.concat([cipherer.update(content), cipherer.final()]);
  const enveloped = new pkijs.EnvelopedData({
    version: 0,
    recipientInfos: [
      new pkijs.RecipientInfo({
        variant: 1,
        value: new pkijs.KeyTransRecipientInfo({
          version: 0,
          rid: new pkijs.IssuerAndSerialNumber({ issuer: recipient.issuer, serialNumber: recipient.serialNumber }),
          keyEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
            algorithmId: CMS_OID.rsaEncryption,
            algorithmParams: new asn1js.Null(),
          }),
          encryptedKey: new asn1js.OctetString({
            valueHex: arrayBufferOf(publicEncrypt({ key: publicKey, padding: constants.RSA_PKCS1_PADDING }, key)),
          }),
        }),
      }),
    ],
    encryptedContentInfo: new pkijs.EncryptedContentInfo({
      contentType: CMS_OID.data,
      contentEncryptionAlgorithm: new pkijs.AlgorithmIdentifier({
        algorithmId: CIPHER_OIDS[cipher],
        algorithmParams: new asn1js.OctetString({ valueHex: arrayBufferOf(iv) }),
      }),
      encryptedContent: new asn1js.OctetString({ valueHex: arrayBufferOf(ciphertext) }),
      // One primitive OCTET STRING: DER, which strict parsers want, and what Apple's own servers send.
      disableSplit: true,
    }),
  });
  const info = new pkijs.ContentInfo({ contentType: CMS_OID.envelopedData, content: enveloped.toSchema() });
  return bufferOf(info.toSchema().toBER(false));
}

export function cipherOfOid(oid: string): ContentCipher | undefined {
  return (Object.keys(CIPHER_OIDS) as ContentCipher[]).find((cipher) => CIPHER_OIDS[cipher] === oid);
}

function findRecipient(
  enveloped: pkijs.EnvelopedData,
  recipients: readonly EnvelopeRecipient[],
): { info: pkijs.KeyTransRecipientInfo; recipient: EnvelopeRecipient } | undefined {
  for (const recipientInfo of enveloped.recipientInfos) {
    if (!(recipientInfo.value instanceof pkijs.KeyTransRecipientInfo)) continue;
    const rid = recipientInfo.value.rid;
    if (!(rid instanceof pkijs.IssuerAndSerialNumber)) continue;
    for (const recipient of recipients) {
      const certificate = pkijsCertificate(recipient.certificateDer);
      if (certificate.issuer.isEqual(rid.issuer) && certificate.serialNumber.isEqual(rid.serialNumber))
        return { info: recipientInfo.value, recipient };
    }
  }
  return undefined;
}

/**
 * Node refuses PKCS#1 v1.5 private decryption since the Marvin attack (CVE-2023-46809), so forge
 * does it. A padding error is not reported as such: a random key takes its place and the content
 * then fails to decrypt, so the answer cannot tell a padding oracle anything.
 */
function unwrapKey(info: pkijs.KeyTransRecipientInfo, privateKey: KeyObject, keyBytes: number): Buffer {
  const algorithm = info.keyEncryptionAlgorithm.algorithmId;
  const wrapped = octets(info.encryptedKey);
  if (algorithm === CMS_OID.rsaOaep) {
    if (info.keyEncryptionAlgorithm.algorithmParams && !isEmptySequence(info.keyEncryptionAlgorithm.algorithmParams))
      throw new EnvelopeError('RSA-OAEP with non-default parameters is not supported', true);
    try {
      return privateDecrypt({ key: privateKey, padding: constants.RSA_PKCS1_OAEP_PADDING }, wrapped);
    } catch {
      return randomBytes(keyBytes);
    }
  }
  if (algorithm !== CMS_OID.rsaEncryption) throw new EnvelopeError(`key transport ${algorithm} is not supported`, true);
  try {
    const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
    const key = Buffer.from(forgeKey.decrypt(wrapped.toString('binary'), 'RSAES-PKCS1-V1_5'), 'binary');
    return key.length === keyBytes ? key : randomBytes(keyBytes);
  } catch {
    return randomBytes(keyBytes);
  }
}

function isEmptySequence(value: unknown): boolean {
  return value instanceof asn1js.Sequence && value.valueBlock.value.length === 0;
}

function decrypt(cipher: ContentCipher, key: Buffer, iv: Buffer, ciphertext: Buffer): Buffer {
  if (cipher === 'des-cbc') {
    // OpenSSL 3 keeps single DES in its legacy provider, which Node does not load; forge still has it.
    const decipher = forge.cipher.createDecipher('DES-CBC', key.toString('binary'));
    decipher.start({ iv: iv.toString('binary') });
    decipher.update(forge.util.createBuffer(ciphertext.toString('binary')));
    if (!decipher.finish()) throw new Error('bad padding');
    return Buffer.from(decipher.output.getBytes(), 'binary');
  }
  const decipher = createDecipheriv(cipher, key, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}
