import { isIP } from 'node:net';
import * as forge from 'node-forge';
import {
  distinguishedName,
  nameAttribute,
  newCertificate,
  OID,
  ORGANIZATION,
  signAndEncode,
  subjectKeyIdentifier,
  validityFor,
} from './certificate-fields';
import { DeviceCsr, parseDeviceCsr } from './device-csr';
import { issuerDetails, SigningCa } from './issuing-ca';
import { generateRsaKeyPair } from './rsa-keys';

const SAN_DNS = 2;
const SAN_URI = 6;
const SAN_IP = 7;

export interface IssuedCertificateData {
  certificatePem: string;
  /** Lower-case hex, as in the certificate. */
  serialNumber: string;
  fingerprint: string;
  /** RFC 4514. */
  subject: string;
  notBefore: Date;
  notAfter: Date;
}

export interface DeviceCertificateRequest {
  ca: SigningCa;
  /** PEM as sent by the device, or already checked with parseDeviceCsr. */
  csr: string | DeviceCsr;
  deviceId: string;
  collectiviteId: string;
  hardwareSerial: string;
  days: number;
  now?: Date;
}

export interface ServerCertificateRequest {
  ca: SigningCa;
  /** DNS names and IP addresses. */
  hostnames: readonly string[];
  /** 397 days: the longest validity browsers and Apple platforms accept for a TLS server certificate. */
  days?: number;
}

export interface IssuedServerCertificate extends IssuedCertificateData {
  privateKeyPem: string;
}

export function deviceSanUri(deviceId: string): string {
  return `urn:socle:device:${deviceId}`;
}

export function issueDeviceCertificate(request: DeviceCertificateRequest): IssuedCertificateData {
  return signLeaf(buildDeviceCertificate(request), request.ca);
}

/** Unsigned, so a benchmark can compare signers on the very same structure. */
export function buildDeviceCertificate(
  request: Omit<DeviceCertificateRequest, 'ca'> & { ca: Pick<SigningCa, 'certificatePem'> },
): forge.pki.Certificate {
  const csr = typeof request.csr === 'string' ? parseDeviceCsr(request.csr) : request.csr;
  const issuer = issuerDetails(request.ca.certificatePem);
  const subject = [
    nameAttribute(OID.organization, ORGANIZATION),
    nameAttribute(OID.organizationalUnit, request.collectiviteId),
    nameAttribute(OID.serialNumber, request.hardwareSerial),
    nameAttribute(OID.commonName, request.deviceId),
  ];
  const cert = newCertificate(
    csr.publicKey,
    subject,
    issuer.subject,
    validityFor(request.days, request.now ?? new Date(), issuer.notAfter),
  );
  cert.setExtensions([
    { name: 'basicConstraints', critical: true, cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', clientAuth: true },
    { name: 'subjectAltName', altNames: [{ type: SAN_URI, value: deviceSanUri(request.deviceId) }] },
    subjectKeyIdentifier(csr.keyIdentifier),
    { name: 'authorityKeyIdentifier', keyIdentifier: issuer.keyIdentifier },
  ]);
  return cert;
}

/** The gateway's own TLS certificate; Socle generates its key, since nobody else holds one. */
export function issueServerCertificate(request: ServerCertificateRequest): IssuedServerCertificate {
  const hostnames = normalizedHostnames(request.hostnames);
  if (!hostnames.length) throw new Error('A server certificate needs at least one hostname');
  const issuer = issuerDetails(request.ca.certificatePem);
  const keys = generateRsaKeyPair(2048);
  const mainName = hostnames.find((hostname) => !isIP(hostname)) ?? hostnames[0];
  const subject = [nameAttribute(OID.organization, ORGANIZATION), nameAttribute(OID.commonName, mainName)];
  const validity = validityFor(request.days ?? 397, new Date(), issuer.notAfter);
  const cert = newCertificate(keys.forgePublicKey, subject, issuer.subject, validity);
  cert.setExtensions([
    { name: 'basicConstraints', critical: true, cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, keyEncipherment: true },
    { name: 'extKeyUsage', serverAuth: true },
    {
      name: 'subjectAltName',
      altNames: hostnames.map((hostname) =>
        isIP(hostname) ? { type: SAN_IP, ip: hostname } : { type: SAN_DNS, value: hostname },
      ),
    },
    subjectKeyIdentifier(keys.keyIdentifier),
    { name: 'authorityKeyIdentifier', keyIdentifier: issuer.keyIdentifier },
  ]);
  return { ...signLeaf(cert, request.ca), privateKeyPem: keys.privateKeyPem };
}

export interface ProfileSigningCertificateRequest {
  ca: SigningCa;
  collectiviteName: string;
  days?: number;
}

/**
 * Signs the collectivité's configuration profiles. A CA key only certifies (keyCertSign), so
 * strict verifiers refuse a profile signed with it directly; this leaf carries digitalSignature.
 */
export function issueProfileSigningCertificate(request: ProfileSigningCertificateRequest): IssuedServerCertificate {
  const issuer = issuerDetails(request.ca.certificatePem);
  const keys = generateRsaKeyPair(2048);
  const subject = [
    nameAttribute(OID.organization, ORGANIZATION),
    nameAttribute(OID.commonName, `Profils ${request.collectiviteName}`.slice(0, 64)),
  ];
  const cert = newCertificate(
    keys.forgePublicKey,
    subject,
    issuer.subject,
    validityFor(request.days ?? 730, new Date(), issuer.notAfter),
  );
  cert.setExtensions([
    { name: 'basicConstraints', critical: true, cA: false },
    { name: 'keyUsage', critical: true, digitalSignature: true, nonRepudiation: true },
    { name: 'extKeyUsage', emailProtection: true },
    subjectKeyIdentifier(keys.keyIdentifier),
    { name: 'authorityKeyIdentifier', keyIdentifier: issuer.keyIdentifier },
  ]);
  return { ...signLeaf(cert, request.ca), privateKeyPem: keys.privateKeyPem };
}

/** Whether a server certificate names exactly these hosts (order, case and IPv6 spelling aside). */
export function sameServerNames(certificatePem: string, hostnames: readonly string[]): boolean {
  const extension = forge.pki.certificateFromPem(certificatePem).getExtension('subjectAltName') as {
    altNames?: { type: number; value: string }[];
  } | null;
  const inCertificate = (extension?.altNames ?? []).map((name) =>
    name.type === SAN_IP
      ? `ip:${Buffer.from(name.value, 'binary').toString('hex')}`
      : `${name.type}:${name.value.toLowerCase()}`,
  );
  const wanted = normalizedHostnames(hostnames).map((hostname) =>
    isIP(hostname) ? `ip:${ipBytes(hostname).toString('hex')}` : `${SAN_DNS}:${hostname}`,
  );
  return inCertificate.length === wanted.length && wanted.every((name) => inCertificate.includes(name));
}

/** forge has this helper but its typings do not declare it. */
function ipBytes(address: string): Buffer {
  const util = forge.util as unknown as { bytesFromIP(ip: string): string };
  return Buffer.from(util.bytesFromIP(address), 'binary');
}

function normalizedHostnames(hostnames: readonly string[]): string[] {
  return [...new Set(hostnames.map((hostname) => hostname.trim().toLowerCase()).filter(Boolean))];
}

function signLeaf(cert: forge.pki.Certificate, ca: SigningCa): IssuedCertificateData {
  const { certificatePem, fingerprint } = signAndEncode(cert, ca.key);
  return {
    certificatePem,
    serialNumber: cert.serialNumber,
    fingerprint,
    subject: distinguishedName(cert.subject.attributes),
    notBefore: cert.validity.notBefore,
    notAfter: cert.validity.notAfter,
  };
}
