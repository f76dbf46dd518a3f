import { randomBytes } from 'node:crypto';
import { SocleError } from '@socle/core';
import { createRootCa, CreatedCa } from './certificate-authorities';
import { parseDeviceCsr } from './device-csr';
import { CsrProblem } from './device-csr-errors';
import { OpensslWorkspace } from '@test-support/openssl-workspace';
import { agentStyleCsr, opensslCsr } from '@test-support/pki-fixtures';

function problemOf(input: unknown): CsrProblem | 'accepted' {
  try {
    parseDeviceCsr(input as string);
    return 'accepted';
  } catch (error) {
    if (!(error instanceof SocleError))
      throw new Error(`parseDeviceCsr threw something else than a SocleError: ${String(error)}`);
    expect(error.code).toBe('CSR_INVALID');
    expect(error.status).toBe(400);
    return error.details?.problem as CsrProblem;
  }
}

function armored(der: Buffer, label = 'CERTIFICATE REQUEST'): string {
  return `-----BEGIN ${label}-----\n${der.toString('base64').replace(/.{64}/g, '$&\n')}\n-----END ${label}-----\n`;
}

function derOf(pem: string): Buffer {
  return Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64');
}

describe('parseDeviceCsr', () => {
  const workspace = new OpensslWorkspace();
  let validCsr: string;
  let root: CreatedCa;

  beforeAll(() => {
    validCsr = opensslCsr(workspace, 'valid');
    root = createRootCa({ commonName: 'Socle Test Root CA' });
  });
  afterAll(() => workspace.remove());

  it('accepts an OpenSSL request and keeps its 2048-bit key', () => {
    const csr = parseDeviceCsr(validCsr);
    expect(csr.publicKeyBits).toBe(2048);
    const expectedModulus = workspace
      .ok('req', '-in', 'valid.csr', '-noout', '-modulus')
      .split('=')[1]
      .trim()
      .toLowerCase();
    expect(csr.publicKey.n.toString(16)).toBe(expectedModulus.replace(/^0+/, ''));
  });

  it('accepts requests from Socle’s own agent, a 3072-bit key and the NEW CERTIFICATE REQUEST label', () => {
    expect(parseDeviceCsr(agentStyleCsr().csrPem).publicKeyBits).toBe(2048);
    expect(parseDeviceCsr(agentStyleCsr(3072).csrPem).publicKeyBits).toBe(3072);
    expect(parseDeviceCsr(armored(derOf(validCsr), 'NEW CERTIFICATE REQUEST')).publicKeyBits).toBe(2048);
    expect(parseDeviceCsr(`Certificate request for tablet 7\r\n${validCsr.replace(/\n/g, '\r\n')}`).publicKeyBits).toBe(
      2048,
    );
  });

  it('says the request is missing when it is empty or absent', () => {
    expect(problemOf('')).toBe('missing');
    expect(problemOf('  \n ')).toBe('missing');
    expect(problemOf(undefined)).toBe('missing');
    expect(problemOf(null)).toBe('missing');
  });

  it('says it is not PEM for text, numbers and objects', () => {
    expect(problemOf('hello')).toBe('not_pem');
    expect(problemOf(derOf(validCsr).toString('base64'))).toBe('not_pem');
    expect(problemOf(42)).toBe('not_pem');
    expect(problemOf({ csr: validCsr })).toBe('not_pem');
  });

  it('tells a certificate or a key sent instead of the request', () => {
    expect(problemOf(root.certificatePem)).toBe('not_a_csr');
    expect(problemOf(root.privateKeyPem)).toBe('not_a_csr');
    expect(() => parseDeviceCsr(root.certificatePem)).toThrow(/de type « CERTIFICATE », pas une demande de certificat/);
  });

  it('calls unreadable a valid PEM whose content is not a PKCS#10 request', () => {
    expect(problemOf(armored(derOf(root.certificatePem)))).toBe('unreadable');
    expect(problemOf(armored(Buffer.from('not DER at all')))).toBe('unreadable');
    expect(problemOf('-----BEGIN CERTIFICATE REQUEST-----\n!!!!\n-----END CERTIFICATE REQUEST-----')).toBe(
      'unreadable',
    );
    expect(problemOf('-----BEGIN CERTIFICATE REQUEST-----\nMIIB\n')).toBe('unreadable');
    expect(problemOf(armored(derOf(validCsr).subarray(0, 200)))).toBe('unreadable');
    expect(problemOf(armored(Buffer.concat([derOf(validCsr), Buffer.of(0)])))).toBe('unreadable');
  });

  it('rejects a request whose signed content was tampered with', () => {
    const der = derOf(validCsr);
    const at = der.indexOf(Buffer.from('chosen-by-the-device'));
    expect(at).toBeGreaterThan(0);
    der[at] = 'C'.charCodeAt(0);
    expect(problemOf(armored(der))).toBe('bad_signature');
  });

  it('rejects a request whose signature was tampered with', () => {
    const der = derOf(validCsr);
    der[der.length - 1] ^= 0x01;
    expect(problemOf(armored(der))).toBe('bad_signature');
  });

  it('rejects small and non-RSA keys, and SHA-1 signatures, saying what to do', () => {
    expect(problemOf(opensslCsr(workspace, 'small', ['-newkey', 'rsa:1024']))).toBe('key_too_small');
    expect(problemOf(opensslCsr(workspace, 'ec', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1']))).toBe(
      'key_not_rsa',
    );
    expect(problemOf(opensslCsr(workspace, 'sha1', ['-newkey', 'rsa:2048'], ['-sha1']))).toBe(
      'unsupported_signature_algorithm',
    );
    expect(() => parseDeviceCsr(workspace.read('small.csr'))).toThrow(
      /ne fait que 1024 bits, il en faut au moins 2048/,
    );
  });

  it('refuses oversized input without parsing it', () => {
    expect(problemOf(`${validCsr}${' '.repeat(70_000)}`)).toBe('too_large');
  });

  it('never throws anything but CSR_INVALID on random or mutated input', () => {
    const der = derOf(validCsr);
    const outcomes = new Set<string>();
    for (let i = 0; i < 300; i++) {
      outcomes.add(problemOf(armored(randomBytes(1 + (i % 600)))));
      const mutated = Buffer.from(der);
      mutated[Math.floor(Math.random() * mutated.length)] ^= 1 << Math.floor(Math.random() * 8);
      outcomes.add(problemOf(armored(mutated)));
      outcomes.add(problemOf(armored(der.subarray(0, Math.floor(Math.random() * der.length)))));
      outcomes.add(
        problemOf(
          `-----BEGIN CERTIFICATE REQUEST-----${randomBytes(40).toString('latin1')}-----END CERTIFICATE REQUEST-----`,
        ),
      );
    }
    expect(outcomes).toContain('unreadable');
    expect(outcomes).toContain('bad_signature');
  });
});
