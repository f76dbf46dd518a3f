import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  createIntermediateCa,
  createRootCa,
  issueDeviceCertificate,
  privateKeyObject,
  verifyIssuedBy,
} from '@socle/pki';
import * as forge from 'node-forge';
import { verifyMdmSignature } from '../mdm/mdm-signature';
import { OpensslWorkspace } from '../testing/openssl-workspace';
import { testIssuedCertificate } from '../testing/scep-test-client';
import { RunningScepServer, startScepTestServer } from '../testing/scep-test-server';
import { ScepIssueRequest, ScepServer } from './scep-server';

const run = promisify(execFile);

/** Debian's `scep` package: micromdm's scepclient, a real third-party SCEP client (`.ci/run` installs it). */
async function scepclient(dir: string, url: string, challenge: string, cn = 'Tablette 7') {
  try {
    const { stdout, stderr } = await run(
      'scepclient',
      ['-private-key', join(dir, 'key.pem'), '-server-url', url, '-challenge', challenge, '-cn', cn, '-ou', 'CM1'],
      { timeout: 30_000 },
    );
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failure.code ?? -1, output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` };
  }
}

describe('SCEP server against Debian scepclient', () => {
  const root = createRootCa({ commonName: 'Socle SCEP Test Root' });
  const rootSigner = { certificatePem: root.certificatePem, key: privateKeyObject(root.privateKeyPem) };
  const ca = createIntermediateCa(rootSigner, {
    collectiviteId: 'c0ffee00-0000-4000-8000-000000000001',
    name: 'Commune de Scep',
    keyBits: 2048,
  });
  const caKey = privateKeyObject(ca.privateKeyPem);
  const challenges = new Set(['défi-unique-1', 'défi-unique-2', 'défi-unique-3', 'défi-unique-4']);
  const seen: ScepIssueRequest[] = [];
  const failures: { failInfo: string; reason: string }[] = [];
  const issuer = (request: ScepIssueRequest) => {
    seen.push(request);
    if (!request.challengePassword || !challenges.delete(request.challengePassword))
      return { failInfo: 'badRequest' as const, reason: 'challenge unknown or used' };
    return issueDeviceCertificate({
      ca: { certificatePem: ca.certificatePem, key: caKey },
      csr: request.csr.pem,
      deviceId: '0f0e0d0c-0000-4000-8000-000000000007',
      collectiviteId: 'c0ffee00-0000-4000-8000-000000000001',
      hardwareSerial: 'DMPXK0XXJF8J',
      days: 30,
    });
  };
  let server: RunningScepServer;
  let dir: string;

  beforeAll(async () => {
    server = await startScepTestServer(
      new ScepServer({
        ca: { certificatePem: ca.certificatePem, key: caKey },
        issuer,
        onFailure: (event) => failures.push(event),
      }),
    );
  });
  afterAll(() => server.close());
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'socle-scepclient-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('enrolls: scepclient obtains a certificate for its own key that chains to the collectivité CA', async () => {
    const result = await scepclient(dir, server.url, 'défi-unique-1');
    expect(failures).toEqual([]);
    expect(result).toMatchObject({ code: 0 });
    expect(result.output).toContain('pkiStatus=SUCCESS');
    const certificatePem = readFileSync(join(dir, 'client.pem'), 'utf8');
    expect(verifyIssuedBy(certificatePem, [ca.certificatePem, root.certificatePem])).toBe(true);
    const certificate = forge.pki.certificateFromPem(certificatePem);
    const key = forge.pki.privateKeyFromPem(readFileSync(join(dir, 'key.pem'), 'utf8')) as forge.pki.rsa.PrivateKey;
    expect((certificate.publicKey as forge.pki.rsa.PublicKey).n.equals(key.n)).toBe(true);
    expect(certificate.subject.getField('CN').value).toBe('0f0e0d0c-0000-4000-8000-000000000007');
    // What the issuer was handed: the device's request as it asked, and its challenge.
    const request = seen.at(-1)!;
    expect(request).toMatchObject({ messageType: 'PKCSReq', challengePassword: 'défi-unique-1' });
    expect(request.csr.subject).toMatchObject({ CN: 'Tablette 7', OU: 'CM1' });
    expect(request.transactionId.length).toBeGreaterThan(10);
  });

  it('a wrong challenge gets a FAILURE CertRep that scepclient reports as badRequest, and no certificate', async () => {
    const result = await scepclient(dir, server.url, 'pas-le-bon');
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('failInfo: badRequest');
    expect(() => readFileSync(join(dir, 'client.pem'))).toThrow();
  });

  it('a challenge is single-use: the same message replayed by GET is refused', async () => {
    expect((await scepclient(dir, server.url, 'défi-unique-2')).code).toBe(0);
    const message = server.messages.at(-1)!;
    const replay = await fetch(
      `${server.url}?operation=PKIOperation&message=${encodeURIComponent(message.toString('base64'))}`,
    );
    expect(replay.status).toBe(200);
    expect(replay.headers.get('content-type')).toBe('application/x-pki-message');
    const { readCertRep } = await import('../testing/scep-test-client');
    expect(await readCertRep(Buffer.from(await replay.arrayBuffer()))).toMatchObject({
      status: 'FAILURE',
      failInfo: 'badRequest',
    });
  });

  it('the identity it obtained signs an MDM request that verifyMdmSignature accepts, bound to that certificate', async () => {
    expect((await scepclient(dir, server.url, 'défi-unique-3')).code).toBe(0);
    const workspace = new OpensslWorkspace();
    try {
      const body = '<plist version="1.0"><dict><key>Status</key><string>Idle</string></dict></plist>';
      workspace.file('body', body);
      workspace.ok(
        'cms',
        '-sign',
        '-binary',
        '-md',
        'sha256',
        '-in',
        'body',
        '-signer',
        join(dir, 'client.pem'),
        '-inkey',
        join(dir, 'key.pem'),
        '-outform',
        'DER',
        '-out',
        'sig',
      );
      const header = workspace.readBytes('sig').toString('base64');
      const result = await verifyMdmSignature(header, Buffer.from(body), { issuingCaPems: [ca.certificatePem] });
      expect(result.ok).toBe(true);
      if (result.ok)
        expect(result.certificatePem.replace(/\s/g, '')).toBe(
          readFileSync(join(dir, 'client.pem'), 'utf8').replace(/\s/g, ''),
        );
      expect(
        (await verifyMdmSignature(header, Buffer.from(body + ' '), { issuingCaPems: [ca.certificatePem] })).ok,
      ).toBe(false);
    } finally {
      workspace.remove();
    }
  });

  it('enrolls through an RA: GetCACert gives RA + CA as a degenerate PKCS#7 that scepclient reads', async () => {
    const ra = testIssuedCertificate(ca, {
      commonName: 'Socle SCEP RA',
      keyUsage: { digitalSignature: true, keyEncipherment: true },
    });
    const withRa = await startScepTestServer(
      new ScepServer({
        ca: { certificatePem: ca.certificatePem, key: caKey },
        ra: { certificatePem: ra.certificatePem, key: ra.key },
        issuer,
      }),
    );
    try {
      const result = await scepclient(dir, withRa.url, 'défi-unique-4');
      expect(result.output).toContain('pkiStatus=SUCCESS');
      expect(
        verifyIssuedBy(readFileSync(join(dir, 'client.pem'), 'utf8'), [ca.certificatePem, root.certificatePem]),
      ).toBe(true);
    } finally {
      await withRa.close();
    }
  });
});
