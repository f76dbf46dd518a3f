import { createPublicKey, KeyObject, verify } from 'node:crypto';
import * as forge from 'node-forge';
import { SocleError } from '@socle/core';
import { bytesOf, contentOf, DER_TAG, expectTag, MalformedDer, readChildren, readElement } from './der-reader';
import { csrInvalid } from './device-csr-errors';
import { keyIdentifierOf } from './rsa-keys';

export interface DeviceCsr {
  /** The only thing Socle takes from a request: the server chooses the subject. */
  publicKey: forge.pki.rsa.PublicKey;
  publicKeyBits: number;
  /** For the subjectKeyIdentifier of the certificate (forge bytes). */
  keyIdentifier: string;
}

const MAX_PEM_LENGTH = 64 * 1024;
const MIN_KEY_BITS = 2048;
/** Far beyond any real device, and keeps a hostile request from costing seconds to verify. */
const MAX_KEY_BITS = 8192;
const CSR_LABELS = new Set(['CERTIFICATE REQUEST', 'NEW CERTIFICATE REQUEST']);
/** The body excludes '-' so a string full of BEGIN lines cannot make the match quadratic. */
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]{1,64})-----([A-Za-z0-9+/=\s]*)-----END \1-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
const HASH_BY_SIGNATURE_OID: Record<string, string> = {
  '2a864886f70d01010b': 'sha256',
  '2a864886f70d01010c': 'sha384',
  '2a864886f70d01010d': 'sha512',
};

interface RequestParts {
  signedBytes: Buffer;
  subjectPublicKeyInfo: Buffer;
  signatureOid: Buffer;
  signature: Buffer;
}

/**
 * Checks a device's PKCS#10 request (PEM, RSA ≥ 2048 bits, valid self-signature). Whatever the
 * input, the only error it throws is SocleError CSR_INVALID, with a message the technician can act on.
 */
export function parseDeviceCsr(pem: string): DeviceCsr {
  try {
    return parse(pem);
  } catch (error) {
    if (error instanceof SocleError) throw error;
    throw csrInvalid('unreadable');
  }
}

function parse(pem: unknown): DeviceCsr {
  if (pem === undefined || pem === null || (typeof pem === 'string' && pem.trim() === '')) throw csrInvalid('missing');
  if (typeof pem !== 'string') throw csrInvalid('not_pem');
  if (pem.length > MAX_PEM_LENGTH) throw csrInvalid('too_large');
  const der = decodePem(pem);
  let parts: RequestParts;
  try {
    parts = readRequest(der);
  } catch (error) {
    if (error instanceof MalformedDer) throw csrInvalid('unreadable');
    throw error;
  }
  const key = readPublicKey(parts.subjectPublicKeyInfo);
  const hash = HASH_BY_SIGNATURE_OID[parts.signatureOid.toString('hex')];
  if (!hash) throw csrInvalid('unsupported_signature_algorithm', { algorithm: oidName(parts.signatureOid) });
  if (!verify(hash, parts.signedBytes, key.object, parts.signature)) throw csrInvalid('bad_signature');
  return {
    publicKey: forge.pki.publicKeyFromAsn1(
      forge.asn1.fromDer(parts.subjectPublicKeyInfo.toString('binary')),
    ) as forge.pki.rsa.PublicKey,
    publicKeyBits: key.bits,
    keyIdentifier: keyIdentifierOf(key.object),
  };
}

function decodePem(pem: string): Buffer {
  const blocks = [...pem.matchAll(PEM_BLOCK)];
  const request = blocks.find((block) => CSR_LABELS.has(block[1]));
  if (!request) {
    if (blocks.length) throw csrInvalid('not_a_csr', { label: blocks[0][1] });
    throw csrInvalid(pem.includes('-----BEGIN') ? 'unreadable' : 'not_pem');
  }
  const body = request[2].replace(/\s+/g, '');
  if (!BASE64.test(body) || body.length % 4 !== 0) throw csrInvalid('unreadable');
  return Buffer.from(body, 'base64');
}

/** CertificationRequest ::= SEQUENCE { info SEQUENCE { version, subject, subjectPKInfo, [0] attributes }, algorithm, signature } */
function readRequest(der: Buffer): RequestParts {
  const request = expectTag(readElement(der, 0, der.length), DER_TAG.sequence);
  if (request.end !== der.length) throw new MalformedDer('trailing bytes');
  const [info, algorithm, signature, ...extra] = readChildren(der, request);
  if (extra.length) throw new MalformedDer('unexpected element after the signature');
  const [version, subject, subjectPublicKeyInfo] = readChildren(der, expectTag(info, DER_TAG.sequence));
  if (!contentOf(der, expectTag(version, DER_TAG.integer)).equals(Buffer.of(0)))
    throw new MalformedDer('only PKCS#10 v1 exists');
  expectTag(subject, DER_TAG.sequence);
  const signatureOid = expectTag(readChildren(der, expectTag(algorithm, DER_TAG.sequence))[0], DER_TAG.oid);
  const bits = contentOf(der, expectTag(signature, DER_TAG.bitString));
  if (bits.length < 2 || bits[0] !== 0) throw new MalformedDer('a signature has no unused bits');
  return {
    signedBytes: bytesOf(der, info),
    subjectPublicKeyInfo: bytesOf(der, expectTag(subjectPublicKeyInfo, DER_TAG.sequence)),
    signatureOid: contentOf(der, signatureOid),
    signature: bits.subarray(1),
  };
}

function readPublicKey(subjectPublicKeyInfo: Buffer): { object: KeyObject; bits: number } {
  let object: KeyObject;
  try {
    object = createPublicKey({ key: subjectPublicKeyInfo, format: 'der', type: 'spki' });
  } catch {
    throw csrInvalid('unreadable_key');
  }
  if (object.asymmetricKeyType !== 'rsa')
    throw csrInvalid('key_not_rsa', { keyType: object.asymmetricKeyType ?? 'inconnu' });
  const bits = object.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < MIN_KEY_BITS) throw csrInvalid('key_too_small', { keyBits: bits });
  if (bits > MAX_KEY_BITS) throw csrInvalid('key_too_large', { keyBits: bits });
  return { object, bits };
}

function oidName(oid: Buffer): string {
  const dotted = forge.asn1.derToOid(forge.util.createBuffer(oid.toString('binary')));
  return (forge.pki.oids as Record<string, string>)[dotted] ?? dotted;
}
