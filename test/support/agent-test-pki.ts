import { generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import * as forge from 'node-forge';
import { signCertificate } from '@socle/device-protocol';

/** A throwaway root → intermediate chain, as the real PKI lays it out, for tests of the agent alone. */
export interface TestAuthority {
  certificate: forge.pki.Certificate;
  pem: string;
  privateKey: KeyObject;
}

export interface TestPki {
  root: TestAuthority;
  intermediate: TestAuthority;
  serverKeyPem: string;
  /** Server leaf followed by the intermediate, ready for `https.createServer({ cert })`. */
  serverChainPem: string;
}

export function createTestPki(): TestPki {
  const root = createAuthority('Test Root', undefined);
  const intermediate = createAuthority('Test Intermediate', root);
  const serverKeys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const server = buildCertificate('127.0.0.1', publicKeyOf(serverKeys.publicKey), intermediate, [
    { name: 'extKeyUsage', serverAuth: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
  ]);
  return {
    root,
    intermediate,
    serverKeyPem: serverKeys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    serverChainPem: forge.pki.certificateToPem(server) + intermediate.pem,
  };
}

/** What the gateway does with a CSR: check its signature, keep its subject, sign with the intermediate. */
export function issueDeviceCertificate(csrPem: string, issuer: TestAuthority): { pem: string; commonName: string } {
  const csr = forge.pki.certificationRequestFromPem(csrPem);
  if (!csr.verify()) throw new Error('CSR signature does not verify');
  const commonName = String(csr.subject.getField('CN')?.value ?? '');
  const certificate = buildCertificate(commonName, csr.publicKey as forge.pki.rsa.PublicKey, issuer, [
    { name: 'extKeyUsage', clientAuth: true },
  ]);
  return { pem: forge.pki.certificateToPem(certificate), commonName };
}

function createAuthority(commonName: string, issuer: TestAuthority | undefined): TestAuthority {
  const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const extensions = [
    { name: 'basicConstraints', cA: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true },
  ];
  const self: TestAuthority = { certificate: undefined as never, pem: '', privateKey: keys.privateKey };
  const certificate = buildCertificate(commonName, publicKeyOf(keys.publicKey), issuer ?? self, extensions);
  return { certificate, pem: forge.pki.certificateToPem(certificate), privateKey: keys.privateKey };
}

function buildCertificate(
  commonName: string,
  publicKey: forge.pki.rsa.PublicKey,
  issuer: TestAuthority,
  extensions: object[],
): forge.pki.Certificate {
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = publicKey;
  certificate.serialNumber = `01${randomBytes(8).toString('hex')}`;
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + 86_400_000);
  const subject = [{ name: 'commonName', value: commonName }];
  certificate.setSubject(subject);
  certificate.setIssuer(issuer.certificate ? issuer.certificate.subject.attributes : subject);
  certificate.setExtensions(extensions);
  signCertificate(certificate, issuer.privateKey);
  return certificate;
}

function publicKeyOf(key: KeyObject): forge.pki.rsa.PublicKey {
  return forge.pki.publicKeyFromPem(key.export({ type: 'spki', format: 'pem' }).toString());
}
