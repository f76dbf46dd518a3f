import { createHash, sign } from 'node:crypto';
import type { ProfileSigner } from '../rendered-profile';
import { der, DerNode } from './der';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

/**
 * CMS SignedData (RFC 5652) with the content attached, as Apple expects a signed `.mobileconfig`.
 *
 * Not forge's pkcs7 module: it re-serialises certificates and issuer names from its parsed form and
 * double-encodes UTF-8, so a collectivité called « Évian » gets a signature no one can match to its
 * certificate. Here certificates travel as their original DER, and OpenSSL (node:crypto) hashes and signs.
 */
export function signedData(content: Buffer, signer: ProfileSigner, signingTime: Date): Buffer {
  if (signer.key.asymmetricKeyType !== 'rsa')
    throw new Error(`Profile signing expects an RSA CA key, got ${signer.key.asymmetricKeyType}`);
  const [signerCertificate] = certificatesOf(signer.certificatePem);
  if (!signerCertificate) throw new Error('Profile signing expects a PEM certificate for the signer');
  const chain = (signer.chainPems ?? []).flatMap(certificatesOf);
  const attributes = signedAttributes(content, signingTime);
  const signature = sign('sha256', der.encode(der.set(attributes)), signer.key);
  const signerInfo = der.sequence(
    der.integer(1),
    issuerAndSerialNumber(signerCertificate),
    algorithm(OID.sha256),
    der.implicitSet(0, attributes),
    algorithm(OID.rsaEncryption),
    der.octets(signature),
  );
  const body = der.sequence(
    der.integer(1),
    der.set([algorithm(OID.sha256)]),
    der.sequence(der.oid(OID.data), der.explicit(0, der.octets(content))),
    der.implicitSet(0, [signerCertificate, ...chain]),
    der.set([signerInfo]),
  );
  return der.encode(der.sequence(der.oid(OID.signedData), der.explicit(0, body)));
}

/** Sorted by encoding: DER wants a SET OF in that order, and verifiers re-encode before checking the signature. */
function signedAttributes(content: Buffer, signingTime: Date): DerNode[] {
  const attributes = [
    attribute(OID.contentType, der.oid(OID.data)),
    attribute(OID.signingTime, der.time(signingTime)),
    attribute(OID.messageDigest, der.octets(createHash('sha256').update(content).digest())),
  ];
  return attributes
    .map((node) => ({ node, bytes: der.encode(node) }))
    .sort((a, b) => Buffer.compare(a.bytes, b.bytes))
    .map(({ node }) => node);
}

function attribute(type: string, value: DerNode): DerNode {
  return der.sequence(der.oid(type), der.set([value]));
}

function algorithm(oid: string): DerNode {
  return der.sequence(der.oid(oid), der.nullValue());
}

/** Taken from the certificate's own nodes, so the issuer name matches it byte for byte. */
function issuerAndSerialNumber(certificate: DerNode): DerNode {
  const tbs = (certificate.value as DerNode[])[0].value as DerNode[];
  const offset = tbs[0].tagClass === der.contextSpecific ? 1 : 0;
  return der.sequence(tbs[offset + 2], tbs[offset]);
}

/** A PEM may be a bundle (intermediate + root): every certificate in it is embedded. */
function certificatesOf(pem: string): DerNode[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/g)].map((match) =>
    der.decode(Buffer.from(match[1].replace(/\s+/g, ''), 'base64')),
  );
}
