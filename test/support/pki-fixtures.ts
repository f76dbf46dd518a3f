import { generateKeyPairSync } from 'node:crypto';
import * as forge from 'node-forge';
import {
  createIntermediateCa,
  createRootCa,
  CreatedCa,
  privateKeyObject,
  signCertificationRequest,
  SigningCa,
} from '@socle/pki';
import { OpensslWorkspace } from './openssl-workspace';

export interface TestHierarchy {
  root: CreatedCa;
  intermediate: CreatedCa;
  rootSigner: SigningCa;
  intermediateSigner: SigningCa;
  collectiviteId: string;
}

export function signerOf(ca: CreatedCa): SigningCa {
  return { certificatePem: ca.certificatePem, key: privateKeyObject(ca.privateKeyPem) };
}

/** 2048-bit intermediates by default: specs check structure, and a 3072-bit keygen costs up to a second. */
export function createTestHierarchy(
  options: { rootName?: string; collectiviteName?: string; keyBits?: 2048 | 3072 } = {},
): TestHierarchy {
  const collectiviteId = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
  const root = createRootCa({ commonName: options.rootName ?? 'Socle Test Root CA' });
  const rootSigner = signerOf(root);
  const intermediate = createIntermediateCa(rootSigner, {
    collectiviteId,
    name: options.collectiviteName ?? 'Commune de Test',
    keyBits: options.keyBits ?? 2048,
  });
  return { root, intermediate, rootSigner, intermediateSigner: signerOf(intermediate), collectiviteId };
}

/** What a Windows or Linux device sends: a request produced by the OpenSSL CLI. */
export function opensslCsr(
  workspace: OpensslWorkspace,
  name: string,
  newKey: string[] = ['-newkey', 'rsa:2048'],
  extra: string[] = [],
): string {
  workspace.ok(
    'req',
    '-new',
    ...newKey,
    '-nodes',
    '-keyout',
    `${name}.key`,
    '-subj',
    '/CN=chosen-by-the-device',
    '-out',
    `${name}.csr`,
    ...extra,
  );
  return workspace.read(`${name}.csr`);
}

/** What Socle's own agent sends: forge lays out the request, node:crypto signs it. */
export function agentStyleCsr(bits = 2048): { csrPem: string; publicKeyPem: string; privateKeyPem: string } {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: bits });
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const csr = forge.pki.createCertificationRequest();
  csr.publicKey = forge.pki.publicKeyFromPem(publicKeyPem);
  csr.setSubject([{ name: 'commonName', value: 'SERIAL-FROM-DEVICE' }]);
  signCertificationRequest(csr, privateKey);
  return {
    csrPem: forge.pki.certificationRequestToPem(csr),
    publicKeyPem,
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
