import { createHash, X509Certificate } from 'node:crypto';
import { certificateFingerprint, verifyIssuedBy } from './chain-verification';
import { createIntermediateCa } from './certificate-authorities';
import { issueDeviceCertificate, issueServerCertificate } from './leaf-certificates';
import { OpensslWorkspace } from '@test-support/openssl-workspace';
import { agentStyleCsr, createTestHierarchy, opensslCsr, signerOf, TestHierarchy } from '@test-support/pki-fixtures';

const DEVICE_ID = '0b6c1f0e-7d2a-4c7e-9a51-2f9b8e4d6c31';
const HARDWARE_SERIAL = 'DMPXK2Q4HXYZ';

describe('device certificates', () => {
  const workspace = new OpensslWorkspace();
  let ours: TestHierarchy;
  let theirs: TestHierarchy;
  let csrPem: string;
  let leafPem: string;

  beforeAll(() => {
    // An accented name exercises the issuer copied from a UTF8String subject (forge would double-encode it).
    ours = createTestHierarchy({ collectiviteName: 'Communauté d’agglomération de Sète' });
    theirs = createTestHierarchy({ rootName: 'Somebody Else Root CA' });
    csrPem = opensslCsr(workspace, 'device');
    leafPem = issueDeviceCertificate({
      ca: ours.intermediateSigner,
      csr: csrPem,
      deviceId: DEVICE_ID,
      collectiviteId: ours.collectiviteId,
      hardwareSerial: HARDWARE_SERIAL,
      days: 825,
    }).certificatePem;
    workspace.file('root.pem', ours.root.certificatePem);
    workspace.file('intermediate.pem', ours.intermediate.certificatePem);
    workspace.file('leaf.pem', leafPem);
  });
  afterAll(() => workspace.remove());

  it('chains to our root through the collectivité intermediate, for TLS client authentication', () => {
    const output = workspace.ok(
      'verify',
      '-purpose',
      'sslclient',
      '-CAfile',
      'root.pem',
      '-untrusted',
      'intermediate.pem',
      'leaf.pem',
    );
    expect(output).toContain('leaf.pem: OK');
    expect(verifyIssuedBy(leafPem, [ours.root.certificatePem, ours.intermediate.certificatePem])).toBe(true);
  });

  it('names the device, its collectivité and its hardware serial, never what the CSR asked for', () => {
    const subject = workspace.ok('x509', '-in', 'leaf.pem', '-noout', '-subject', '-nameopt', 'RFC2253');
    expect(subject.trim()).toBe(
      `subject=CN=${DEVICE_ID},serialNumber=${HARDWARE_SERIAL},OU=${ours.collectiviteId},O=Socle`,
    );
    expect(subject).not.toContain('chosen-by-the-device');
  });

  it('carries the device URN, clientAuth only, and no CA powers', () => {
    const text = workspace.ok('x509', '-in', 'leaf.pem', '-noout', '-text');
    expect(text).toContain(`URI:urn:socle:device:${DEVICE_ID}`);
    expect(text).toMatch(/Extended Key Usage: \s*TLS Web Client Authentication\n/);
    expect(text).toMatch(/Key Usage: critical\s+Digital Signature, Key Encipherment\n/);
    expect(text).toMatch(/Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toContain('Subject Key Identifier');
    expect(text).toContain('Authority Key Identifier');
  });

  it('certifies the key of the CSR, identified as RFC 5280 says', () => {
    const csrKey = workspace.ok('req', '-in', 'device.csr', '-noout', '-pubkey');
    const certificateKey = new X509Certificate(leafPem).publicKey;
    expect(certificateKey.export({ type: 'spki', format: 'pem' }).toString().trim()).toBe(csrKey.trim());
    const sha1OfKey = createHash('sha1')
      .update(certificateKey.export({ type: 'pkcs1', format: 'der' }))
      .digest('hex');
    const ski = workspace.ok('x509', '-in', 'leaf.pem', '-noout', '-ext', 'subjectKeyIdentifier').split('\n')[1];
    expect(ski.trim().replace(/:/g, '').toLowerCase()).toBe(sha1OfKey);
  });

  it('reports a random positive 16-byte serial, the SHA-256 fingerprint, the subject and validity of what it signed', () => {
    const now = new Date();
    const issued = issueDeviceCertificate({
      ca: ours.intermediateSigner,
      csr: agentStyleCsr().csrPem,
      deviceId: DEVICE_ID,
      collectiviteId: ours.collectiviteId,
      hardwareSerial: HARDWARE_SERIAL,
      days: 30,
      now,
    });
    const x509 = new X509Certificate(issued.certificatePem);
    expect(issued.serialNumber).toMatch(/^[0-7][0-9a-f]{31}$/);
    expect(issued.serialNumber).toBe(x509.serialNumber.toLowerCase());
    expect(issued.fingerprint).toBe(x509.fingerprint256.replace(/:/g, '').toLowerCase());
    expect(issued.fingerprint).toBe(certificateFingerprint(issued.certificatePem));
    expect(issued.subject).toBe(`CN=${DEVICE_ID},serialNumber=${HARDWARE_SERIAL},OU=${ours.collectiviteId},O=Socle`);
    expect(issued.notBefore.getTime()).toBe(Date.parse(x509.validFrom));
    expect(issued.notAfter.getTime()).toBe(Date.parse(x509.validTo));
    const skewMinutes = (now.getTime() - issued.notBefore.getTime()) / 60_000;
    expect(skewMinutes).toBeGreaterThanOrEqual(1);
    expect(skewMinutes).toBeLessThanOrEqual(10);
    expect(Math.round((issued.notAfter.getTime() - now.getTime()) / 86_400_000)).toBe(30);
  });

  it('gives two issuances different serials', () => {
    const issue = () =>
      issueDeviceCertificate({
        ca: ours.intermediateSigner,
        csr: csrPem,
        deviceId: DEVICE_ID,
        collectiviteId: ours.collectiviteId,
        hardwareSerial: 'X',
        days: 1,
      });
    expect(issue().serialNumber).not.toBe(issue().serialNumber);
  });

  it('rejects a certificate issued under another root, with OpenSSL and with verifyIssuedBy', () => {
    const foreign = issueDeviceCertificate({
      ca: theirs.intermediateSigner,
      csr: csrPem,
      deviceId: DEVICE_ID,
      collectiviteId: theirs.collectiviteId,
      hardwareSerial: HARDWARE_SERIAL,
      days: 30,
    }).certificatePem;
    workspace.file('foreign.pem', foreign);
    workspace.file('foreign-intermediate.pem', theirs.intermediate.certificatePem);
    const result = workspace.run(
      'verify',
      '-CAfile',
      'root.pem',
      '-untrusted',
      'foreign-intermediate.pem',
      'foreign.pem',
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('unable to get local issuer certificate');
    expect(verifyIssuedBy(foreign, [ours.root.certificatePem, ours.intermediate.certificatePem])).toBe(false);
    expect(
      verifyIssuedBy(foreign, [
        ours.root.certificatePem,
        ours.intermediate.certificatePem,
        theirs.intermediate.certificatePem,
      ]),
    ).toBe(false);
  });

  it('rejects an impostor intermediate that copies our intermediate’s name under another root', () => {
    const impostor = signerOf(
      createIntermediateCa(theirs.rootSigner, {
        collectiviteId: ours.collectiviteId,
        name: 'Communauté d’agglomération de Sète',
        keyBits: 2048,
      }),
    );
    const forged = issueDeviceCertificate({
      ca: impostor,
      csr: csrPem,
      deviceId: DEVICE_ID,
      collectiviteId: ours.collectiviteId,
      hardwareSerial: 'X',
      days: 30,
    });
    expect(
      verifyIssuedBy(forged.certificatePem, [
        ours.root.certificatePem,
        ours.intermediate.certificatePem,
        impostor.certificatePem,
      ]),
    ).toBe(false);
  });

  it('accepts only a leaf, through an intermediate, within every validity period', () => {
    const chain = [ours.root.certificatePem, ours.intermediate.certificatePem];
    expect(verifyIssuedBy(leafPem, chain, new Date(Date.now() + 900 * 86_400_000))).toBe(false);
    expect(verifyIssuedBy(leafPem, chain, new Date(Date.now() - 86_400_000))).toBe(false);
    expect(verifyIssuedBy(leafPem, [ours.root.certificatePem])).toBe(false);
    expect(verifyIssuedBy(ours.intermediate.certificatePem, chain)).toBe(false);
    const gateway = issueServerCertificate({ ca: ours.rootSigner, hostnames: ['gateway.test'] });
    expect(verifyIssuedBy(gateway.certificatePem, chain)).toBe(false);
    expect(verifyIssuedBy('not a certificate', chain)).toBe(false);
    expect(verifyIssuedBy(leafPem, ['not a certificate', ...chain])).toBe(false);
  });
});
