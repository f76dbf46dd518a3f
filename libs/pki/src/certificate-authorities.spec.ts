import { X509Certificate } from 'node:crypto';
import { OpensslWorkspace } from '@test-support/openssl-workspace';
import { createTestHierarchy, TestHierarchy } from '@test-support/pki-fixtures';

describe('certificate authorities', () => {
  const workspace = new OpensslWorkspace();
  let hierarchy: TestHierarchy;

  beforeAll(() => {
    hierarchy = createTestHierarchy({ collectiviteName: 'Communauté de communes du Pays de l’Étang', keyBits: 3072 });
    workspace.file('root.pem', hierarchy.root.certificatePem);
    workspace.file('intermediate.pem', hierarchy.intermediate.certificatePem);
  });
  afterAll(() => workspace.remove());

  it('makes a self-signed 3072-bit root that may only sign certificates and CRLs, valid about 20 years', () => {
    const text = workspace.ok('x509', '-in', 'root.pem', '-noout', '-text');
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE\n/);
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign\n/);
    expect(text).toContain('Public-Key: (3072 bit)');
    expect(text).toContain('Subject Key Identifier');
    expect(workspace.ok('verify', '-CAfile', 'root.pem', 'root.pem')).toContain('root.pem: OK');
    const years = (hierarchy.root.notAfter.getTime() - Date.now()) / (365.25 * 86_400_000);
    expect(years).toBeGreaterThan(19.9);
    expect(years).toBeLessThan(20.1);
    expect(Date.parse(new X509Certificate(hierarchy.root.certificatePem).validTo)).toBe(
      hierarchy.root.notAfter.getTime(),
    );
  });

  it('makes an intermediate that the root vouches for, cannot sign other CAs and names its collectivité', () => {
    expect(workspace.ok('verify', '-CAfile', 'root.pem', 'intermediate.pem')).toContain('intermediate.pem: OK');
    const text = workspace.ok(
      'x509',
      '-in',
      'intermediate.pem',
      '-noout',
      '-text',
      '-nameopt',
      'utf8,sep_comma_plus_space',
    );
    expect(text).toMatch(/Basic Constraints: critical\s+CA:TRUE, pathlen:0/);
    expect(text).toMatch(/Key Usage: critical\s+Certificate Sign, CRL Sign\n/);
    expect(text).toContain('Public-Key: (3072 bit)');
    expect(text).toContain(`OU=${hierarchy.collectiviteId}`);
    expect(text).toContain('CN=Communauté de communes du Pays de l’Étang');
    const rootSki = workspace
      .ok('x509', '-in', 'root.pem', '-noout', '-ext', 'subjectKeyIdentifier')
      .split('\n')[1]
      .trim();
    expect(text).toMatch(new RegExp(`Authority Key Identifier: \\s*(keyid:)?${rootSki}`));
  });

  it('never lets the intermediate outlive the root, and keeps it about 10 years', () => {
    expect(hierarchy.intermediate.notAfter.getTime()).toBeLessThanOrEqual(hierarchy.root.notAfter.getTime());
    const years = (hierarchy.intermediate.notAfter.getTime() - Date.now()) / (365.25 * 86_400_000);
    expect(years).toBeGreaterThan(9.9);
    expect(years).toBeLessThan(10.1);
  });

  it('returns the private key that matches each certificate', () => {
    for (const ca of [hierarchy.root, hierarchy.intermediate]) {
      const fromKey = workspace.ok('pkey', '-pubout', '-in', workspace.file('key.pem', ca.privateKeyPem));
      const fromCertificate = new X509Certificate(ca.certificatePem).publicKey
        .export({ type: 'spki', format: 'pem' })
        .toString();
      expect(fromKey.trim()).toBe(fromCertificate.trim());
    }
  });
});
