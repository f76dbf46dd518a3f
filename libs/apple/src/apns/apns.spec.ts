import { createRootCa, issueServerCertificate, privateKeyObject } from '@socle/pki';
import * as forge from 'node-forge';
import { FakeApns } from '../testing/fake-apns';
import { OpensslWorkspace } from '../testing/openssl-workspace';
import { ApnsClient } from './apns-client';
import { daysUntilExpiry, PushCertificate, readPushCertificate } from './push-certificate';

const TOPIC = 'com.apple.mgmt.External.e0bd1eac-1f17-4c8e-8a63-dd17d3dd35d9';
const TOKEN = Buffer.from('47e8eec062c2f729ec1703c1b3e18f1971d85f00be76445d34080baa701b5f51', 'hex');

/** What Apple's portal issues: subject UID = topic, issued by Apple's push CA (a test CA here). */
function fakePushCertificate(
  issuer: { certificatePem: string; privateKeyPem: string },
  options: { uid?: string; days?: number } = {},
) {
  const keys = forge.pki.rsa.generateKeyPair(2048);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = '0a' + forge.util.bytesToHex(forge.random.getBytesSync(8));
  certificate.validity.notBefore = new Date(Date.now() - 60_000);
  certificate.validity.notAfter = new Date(Date.now() + (options.days ?? 365) * 86_400_000);
  certificate.setSubject([
    { type: '0.9.2342.19200300.100.1.1', value: options.uid ?? TOPIC },
    { name: 'commonName', value: `APSP:${(options.uid ?? TOPIC).split('.').pop()}` },
    { name: 'countryName', value: 'FR' },
  ]);
  certificate.setIssuer(forge.pki.certificateFromPem(issuer.certificatePem).subject.attributes);
  certificate.setExtensions([{ name: 'extKeyUsage', clientAuth: true }]);
  certificate.sign(forge.pki.privateKeyFromPem(issuer.privateKeyPem), forge.md.sha256.create());
  return {
    certificatePem: forge.pki.certificateToPem(certificate),
    privateKeyPem: forge.pki.privateKeyToPem(keys.privateKey),
  };
}

const appleCa = createRootCa({ commonName: 'Test Apple Push CA' });
const pushPem = fakePushCertificate(appleCa);

describe('readPushCertificate', () => {
  const workspace = new OpensslWorkspace();
  afterAll(() => workspace.remove());

  it('reads PEM (certificate and key together or apart): topic from the subject UID, and expiry', () => {
    const together = readPushCertificate({ pem: pushPem.certificatePem + pushPem.privateKeyPem });
    expect(together.topic).toBe(TOPIC);
    expect(daysUntilExpiry(together)).toBe(364);
    expect(readPushCertificate({ pem: pushPem.certificatePem, keyPem: pushPem.privateKeyPem }).topic).toBe(TOPIC);
  });

  it.each([[[]], [['-legacy']]])(
    'reads a PKCS#12 made by openssl %j with its password, refuses a wrong password',
    (extra) => {
      workspace.file('push.crt', pushPem.certificatePem);
      workspace.file('push.key', pushPem.privateKeyPem);
      workspace.ok(
        'pkcs12',
        '-export',
        ...extra,
        '-in',
        'push.crt',
        '-inkey',
        'push.key',
        '-passout',
        'pass:mot de passe',
        '-out',
        'push.p12',
      );
      const pkcs12 = workspace.readBytes('push.p12');
      const read = readPushCertificate({ pkcs12, password: 'mot de passe' });
      expect(read.topic).toBe(TOPIC);
      expect(read.notAfter.getTime()).toBeGreaterThan(Date.now());
      expect(() => readPushCertificate({ pkcs12, password: 'faux' })).toThrow(
        expect.objectContaining({ code: 'PUSH_CERTIFICATE_BAD_PASSWORD' }),
      );
    },
  );

  it('refuses a certificate without MDM topic, a key of another certificate, and garbage', () => {
    const other = fakePushCertificate(appleCa, { uid: 'fr.socle.pas-apple' });
    expect(() => readPushCertificate({ pem: other.certificatePem + other.privateKeyPem })).toThrow(
      expect.objectContaining({ code: 'PUSH_CERTIFICATE_NOT_MDM' }),
    );
    expect(() => readPushCertificate({ pem: pushPem.certificatePem + other.privateKeyPem })).toThrow(
      expect.objectContaining({ code: 'PUSH_CERTIFICATE_KEY_MISMATCH' }),
    );
    expect(() => readPushCertificate({ pem: 'bonjour' })).toThrow(
      expect.objectContaining({ code: 'PUSH_CERTIFICATE_UNREADABLE' }),
    );
    expect(() => readPushCertificate({ pem: pushPem.certificatePem })).toThrow(
      expect.objectContaining({ code: 'PUSH_CERTIFICATE_NO_KEY' }),
    );
    expect(() => readPushCertificate({ pkcs12: Buffer.from('pas un p12'), password: 'x' })).toThrow(
      expect.objectContaining({ code: 'PUSH_CERTIFICATE_UNREADABLE' }),
    );
  });

  it('counts days to expiry, negative once lapsed', () => {
    const soon = readPushCertificate({ pem: Object.values(fakePushCertificate(appleCa, { days: 20 })).join('\n') });
    expect(daysUntilExpiry(soon)).toBe(19);
    expect(daysUntilExpiry(soon, new Date(Date.now() + 30 * 86_400_000))).toBeLessThan(0);
  });
});

describe('ApnsClient against a local HTTP/2 APNs', () => {
  const serverRoot = createRootCa({ commonName: 'Test APNs TLS Root' });
  const tls = issueServerCertificate({
    ca: { certificatePem: serverRoot.certificatePem, key: privateKeyObject(serverRoot.privateKeyPem) },
    hostnames: ['127.0.0.1'],
  });
  const apns = new FakeApns({
    certificatePem: tls.certificatePem,
    privateKeyPem: tls.privateKeyPem,
    clientCaPem: appleCa.certificatePem,
  });
  let url: string;
  let certificate: PushCertificate;
  const clients: ApnsClient[] = [];
  const client = (options: Partial<ConstructorParameters<typeof ApnsClient>[0]> = {}) => {
    const created = new ApnsClient({ certificate, url, ca: serverRoot.certificatePem, backoffMs: 1, ...options });
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    url = await apns.start();
    certificate = readPushCertificate({ pem: pushPem.certificatePem + pushPem.privateKeyPem });
  });
  beforeEach(() => {
    apns.received.splice(0);
    apns.maxInFlight = 0;
    apns.answer = () => ({ status: 200 });
  });
  afterAll(async () => {
    await Promise.all(clients.map((created) => created.close()));
    await apns.stop();
  });

  it('sends {"mdm": PushMagic} to /3/device/<token> with topic, push type, priority, authenticated by the push certificate', async () => {
    const result = await client().push({ token: TOKEN, pushMagic: 'CEFDF0BD-E342-4A27-8742-E930EA116B0A' });
    expect(result).toMatchObject({ status: 'sent', attempts: 1 });
    expect(apns.received).toHaveLength(1);
    const [push] = apns.received;
    expect(push.path).toBe(`/3/device/${TOKEN.toString('hex')}`);
    expect(push.headers).toMatchObject({
      ':method': 'POST',
      'apns-topic': TOPIC,
      'apns-push-type': 'mdm',
      'apns-priority': '10',
      'content-type': 'application/json',
    });
    expect(JSON.parse(push.body)).toEqual({ mdm: 'CEFDF0BD-E342-4A27-8742-E930EA116B0A' });
    expect(push.clientUid).toBe(TOPIC);
  });

  it('reports 410 Unregistered as an invalid token, without retrying', async () => {
    apns.answer = () => ({ status: 410, reason: 'Unregistered' });
    expect(await client().push({ token: TOKEN, pushMagic: 'm' })).toEqual({
      status: 'token_invalid',
      reason: 'Unregistered',
      attempts: 1,
    });
    expect(apns.received).toHaveLength(1);
  });

  it('retries a 503 with back-off, then succeeds', async () => {
    const waits: number[] = [];
    apns.answer = (_push, index) => (index === 0 ? { status: 503, reason: 'ServiceUnavailable' } : { status: 200 });
    const result = await client({ backoffMs: 7, sleep: async (ms) => void waits.push(ms) }).push({
      token: TOKEN,
      pushMagic: 'm',
    });
    expect(result).toMatchObject({ status: 'sent', attempts: 2 });
    expect(apns.received).toHaveLength(2);
    expect(waits).toEqual([7]);
  });

  it('gives up after maxAttempts of 429, doubling the wait; a 403 is not retried', async () => {
    const waits: number[] = [];
    apns.answer = () => ({ status: 429, reason: 'TooManyRequests' });
    const result = await client({ maxAttempts: 3, backoffMs: 5, sleep: async (ms) => void waits.push(ms) }).push({
      token: TOKEN,
      pushMagic: 'm',
    });
    expect(result).toEqual({ status: 'failed', httpStatus: 429, reason: 'TooManyRequests', attempts: 3 });
    expect(waits).toEqual([5, 10]);
    apns.answer = () => ({ status: 403, reason: 'BadCertificateEnvironment' });
    expect(await client().push({ token: TOKEN, pushMagic: 'm' })).toMatchObject({
      status: 'failed',
      httpStatus: 403,
      attempts: 1,
    });
  });

  it('keeps at most `concurrency` pushes in flight for a whole pack', async () => {
    apns.answer = () => ({ status: 200, delayMs: 20 });
    const tokens = Array.from({ length: 15 }, (_, index) => Buffer.alloc(32, index + 1));
    const results = await client({ concurrency: 3 }).pushAll(tokens.map((token) => ({ token, pushMagic: 'm' })));
    expect(results.every((result) => result.status === 'sent')).toBe(true);
    expect(new Set(apns.received.map((push) => push.path)).size).toBe(15);
    expect(apns.maxInFlight).toBeLessThanOrEqual(3);
    expect(apns.maxInFlight).toBeGreaterThan(1);
  });

  it('spaces request starts to the rate it is given', async () => {
    const waits: number[] = [];
    const limited = client({ ratePerSecond: 1, sleep: async (ms) => void waits.push(ms) });
    await limited.pushAll([1, 2, 3].map((index) => ({ token: Buffer.alloc(32, index), pushMagic: 'm' })));
    expect(apns.received).toHaveLength(3);
    // The first starts at once; the second waits about a second, the third about two.
    expect(waits).toHaveLength(2);
    expect(waits[0]).toBeGreaterThan(500);
    expect(waits[1]).toBeGreaterThan(waits[0]);
  });

  it('refuses a malformed token locally, and reports an unreachable APNs as failed after retries', async () => {
    expect(await client().push({ token: 'zz', pushMagic: 'm' })).toMatchObject({
      status: 'token_invalid',
      attempts: 0,
    });
    expect(apns.received).toHaveLength(0);
    const down = client({ url: 'https://127.0.0.1:1', maxAttempts: 2, sleep: async () => undefined });
    expect(await down.push({ token: TOKEN, pushMagic: 'm' })).toMatchObject({ status: 'failed', attempts: 2 });
  });

  it('is refused by APNs without a client certificate it trusts', async () => {
    const stranger = readPushCertificate({ pem: Object.values(fakePushCertificate(serverRoot)).join('\n') });
    const result = await client({ certificate: stranger, maxAttempts: 1 }).push({ token: TOKEN, pushMagic: 'm' });
    expect(result.status).toBe('failed');
    expect(apns.received).toHaveLength(0);
  });
});
