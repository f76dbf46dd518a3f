import { buildCrl } from './crl';
import { issueDeviceCertificate } from './leaf-certificates';
import { OpensslWorkspace } from '@test-support/openssl-workspace';
import { agentStyleCsr, createTestHierarchy, TestHierarchy } from '@test-support/pki-fixtures';

const DAY_MS = 86_400_000;

describe('buildCrl', () => {
  const workspace = new OpensslWorkspace();
  let hierarchy: TestHierarchy;
  let revokedSerial: string;

  beforeAll(() => {
    hierarchy = createTestHierarchy({ collectiviteName: 'Ville de Besançon' });
    const issue = () =>
      issueDeviceCertificate({
        ca: hierarchy.intermediateSigner,
        csr: agentStyleCsr().csrPem,
        deviceId: 'f4b1f1de-2a65-4d2c-9d37-5c1b7b9a0e11',
        collectiviteId: hierarchy.collectiviteId,
        hardwareSerial: 'R52T80ABCDE',
        days: 365,
      });
    const revoked = issue();
    revokedSerial = revoked.serialNumber;
    workspace.file('root.pem', hierarchy.root.certificatePem);
    workspace.file('intermediate.pem', hierarchy.intermediate.certificatePem);
    workspace.file('chain.pem', hierarchy.intermediate.certificatePem + hierarchy.root.certificatePem);
    workspace.file('revoked.pem', revoked.certificatePem);
    workspace.file('kept.pem', issue().certificatePem);
    const thisUpdate = new Date();
    workspace.file(
      'crl.pem',
      buildCrl({
        ca: hierarchy.intermediateSigner,
        revoked: [
          {
            serialNumber: revokedSerial,
            revokedAt: new Date(thisUpdate.getTime() - 60_000),
            reason: 'cessationOfOperation',
          },
          { serialNumber: '00ff', revokedAt: new Date(thisUpdate.getTime() - DAY_MS) },
        ],
        thisUpdate,
        nextUpdate: new Date(thisUpdate.getTime() + 7 * DAY_MS),
        crlNumber: 2_200_000_000n,
      }),
    );
  });
  afterAll(() => workspace.remove());

  it('is signed by the CA it names, as OpenSSL checks it', () => {
    expect(workspace.ok('crl', '-in', 'crl.pem', '-CAfile', 'chain.pem', '-verify', '-noout')).toContain('verify OK');
  });

  it('lists the revoked serials with their reason, and its number, in a v2 CRL', () => {
    const text = workspace.ok('crl', '-in', 'crl.pem', '-noout', '-text');
    expect(text).toContain('Version 2 (0x1)');
    expect(text).toContain(`Serial Number: ${revokedSerial.toUpperCase()}`);
    expect(text).toMatch(/Serial Number: FF\n/);
    expect(text).toMatch(/CRL Reason Code: \s*Cessation Of Operation/);
    expect(text).toMatch(/CRL Number: \s*2200000000/);
    expect(text).toContain('Authority Key Identifier');
    expect(text).toMatch(/Next Update: \w{3} [ \d]\d \d\d:\d\d:\d\d \d{4} GMT/);
  });

  it('makes OpenSSL refuse the revoked device and still accept the others', () => {
    const args = [
      'verify',
      '-crl_check',
      '-CRLfile',
      'crl.pem',
      '-CAfile',
      'root.pem',
      '-untrusted',
      'intermediate.pem',
    ];
    const refused = workspace.run(...args, 'revoked.pem');
    expect(refused.status).not.toBe(0);
    expect(refused.output).toContain('certificate revoked');
    expect(workspace.ok(...args, 'kept.pem')).toContain('kept.pem: OK');
  });

  it('is refused once tampered with', () => {
    const der = Buffer.from(workspace.read('crl.pem').replace(/-----[^-]+-----|\s/g, ''), 'base64');
    const at = der.indexOf(Buffer.from(revokedSerial, 'hex'));
    expect(at).toBeGreaterThan(0);
    der[at] ^= 0x01;
    workspace.file('tampered.pem', `-----BEGIN X509 CRL-----\n${der.toString('base64')}\n-----END X509 CRL-----\n`);
    const result = workspace.run('crl', '-in', 'tampered.pem', '-CAfile', 'chain.pem', '-verify', '-noout');
    expect(result.output).toContain('verify failure');
    expect(result.output).not.toContain('verify OK');
  });

  it('builds a valid empty CRL for a CA that revoked nothing, far beyond 2049', () => {
    workspace.file(
      'empty.pem',
      buildCrl({
        ca: hierarchy.rootSigner,
        revoked: [],
        thisUpdate: new Date(),
        nextUpdate: new Date('2051-01-01T00:00:00Z'),
        crlNumber: 1,
      }),
    );
    expect(workspace.ok('crl', '-in', 'empty.pem', '-CAfile', 'root.pem', '-verify', '-noout')).toContain('verify OK');
    const text = workspace.ok('crl', '-in', 'empty.pem', '-noout', '-text');
    expect(text).toContain('No Revoked Certificates.');
    expect(text).toContain('Next Update: Jan  1 00:00:00 2051 GMT');
  });
});
