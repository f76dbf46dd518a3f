import { X509Certificate } from 'node:crypto';
import {
  createIntermediateCa,
  createRootCa,
  issueDeviceCertificate,
  privateKeyObject,
  verifyIssuedBy,
} from '@socle/pki';
import { certificatesDerOf } from '../cms/asn1-glue';
import { certificatesOfDegenerate } from '../cms/signed-data';
import { readCertRep, testCsr, testDevice, testIssuedCertificate, testScepRequest } from '../testing/scep-test-client';
import { handleScepHttp } from './scep-http';
import { ScepIssueRequest, ScepIssueResult, ScepServer, ScepServerOptions } from './scep-server';

const root = createRootCa({ commonName: 'Socle SCEP Unit Root' });
const rootSigner = { certificatePem: root.certificatePem, key: privateKeyObject(root.privateKeyPem) };
const ca = createIntermediateCa(rootSigner, {
  collectiviteId: 'c0ffee00-0000-4000-8000-000000000002',
  name: 'Commune A',
  keyBits: 2048,
});
const otherCa = createIntermediateCa(rootSigner, {
  collectiviteId: 'c0ffee00-0000-4000-8000-000000000003',
  name: 'Commune B',
  keyBits: 2048,
});
const caPair = { certificatePem: ca.certificatePem, key: privateKeyObject(ca.privateKeyPem) };
const [caDer] = certificatesDerOf(ca.certificatePem);
const [otherCaDer] = certificatesDerOf(otherCa.certificatePem);

const issued: ScepIssueRequest[] = [];
function issueFor(request: ScepIssueRequest): ScepIssueResult {
  issued.push(request);
  if (request.challengePassword !== 'bon-défi' && request.messageType === 'PKCSReq')
    return { failInfo: 'badRequest', reason: 'wrong challenge' };
  return issueDeviceCertificate({
    ca: caPair,
    csr: request.csr.pem,
    deviceId: '11111111-0000-4000-8000-000000000001',
    collectiviteId: 'c0ffee00-0000-4000-8000-000000000002',
    hardwareSerial: 'DMPXK0XXJF8J',
    days: 30,
  });
}

function server(options: Partial<ScepServerOptions> = {}) {
  return new ScepServer({ ca: caPair, issuer: issueFor, ...options });
}

describe('ScepServer', () => {
  beforeEach(() => issued.splice(0));

  it('GetCACaps lists what it does, one per line', () => {
    expect(server().capabilities().split('\n')).toEqual([
      'POSTPKIOperation',
      'SHA-256',
      'AES',
      'SCEPStandard',
      'Renewal',
    ]);
  });

  it('GetCACert gives the CA alone as DER, or RA + CA (+ chain) as a degenerate PKCS#7', () => {
    expect(server().caCertificates()).toEqual({ contentType: 'application/x-x509-ca-cert', body: caDer });
    const ra = testIssuedCertificate(ca, {
      commonName: 'RA',
      keyUsage: { digitalSignature: true, keyEncipherment: true },
    });
    const withRa = server({ ra: { certificatePem: ra.certificatePem, key: ra.key }, chainPems: [root.certificatePem] });
    const answer = withRa.caCertificates();
    expect(answer.contentType).toBe('application/x-x509-ca-ra-cert');
    expect(certificatesOfDegenerate(answer.body)).toEqual([
      ra.certificateDer,
      caDer,
      ...certificatesDerOf(root.certificatePem),
    ]);
  });

  it.each(['aes-128-cbc', 'aes-256-cbc', 'des-ede3-cbc'] as const)(
    'issues for a PKCSReq enveloped with %s: signed CertRep, nonces and transaction echoed, certificate for the device key',
    async (cipher) => {
      const device = testDevice();
      const senderNonce = Buffer.alloc(16, 7);
      const message = await testScepRequest(device, {
        recipientDer: caDer,
        content: testCsr(device, { challenge: 'bon-défi' }),
        cipher,
        transactionId: 'TX-1',
        senderNonce,
      });
      const reply = await readCertRep(await server().pkiOperation(message), device);
      expect(reply).toMatchObject({
        status: 'SUCCESS',
        messageType: 'CertRep',
        transactionId: 'TX-1',
        signatureValid: true,
      });
      expect(reply.recipientNonce).toEqual(senderNonce);
      expect(reply.senderNonce).toHaveLength(16);
      expect(reply.senderNonce).not.toEqual(senderNonce);
      expect(reply.signerCertificateDer).toEqual(caDer);
      expect(verifyIssuedBy(reply.certificatePem!, [ca.certificatePem, root.certificatePem])).toBe(true);
      const certificate = new X509Certificate(reply.certificatePem!);
      expect(certificate.publicKey.equals(new X509Certificate(device.certificatePem).publicKey)).toBe(true);
      expect(issued[0]).toMatchObject({ messageType: 'PKCSReq', challengePassword: 'bon-défi', transactionId: 'TX-1' });
      expect(issued[0].csr.subject).toEqual({ CN: 'iPad de test', O: 'Pack CM1' });
    },
  );

  it('with an RA, decrypts with the RA key and signs with it', async () => {
    const ra = testIssuedCertificate(ca, {
      commonName: 'RA',
      keyUsage: { digitalSignature: true, keyEncipherment: true },
    });
    const device = testDevice();
    const message = await testScepRequest(device, {
      recipientDer: ra.certificateDer,
      content: testCsr(device, { challenge: 'bon-défi' }),
    });
    const reply = await readCertRep(
      await server({ ra: { certificatePem: ra.certificatePem, key: ra.key } }).pkiOperation(message),
      device,
    );
    expect(reply).toMatchObject({ status: 'SUCCESS', signatureValid: true });
    expect(reply.signerCertificateDer).toEqual(ra.certificateDer);
    expect(verifyIssuedBy(reply.certificatePem!, [ca.certificatePem, root.certificatePem])).toBe(true);
  });

  describe('answers a FAILURE CertRep, without asking the issuer, when', () => {
    async function failureOf(message: Buffer, options: Partial<ScepServerOptions> = {}) {
      const reasons: string[] = [];
      const reply = await readCertRep(
        await server({ ...options, onFailure: (event) => reasons.push(event.reason) }).pkiOperation(message),
      );
      expect(reply.signatureValid).toBe(true);
      expect(reply.status).toBe('FAILURE');
      expect(reasons).toHaveLength(1);
      return reply.failInfo;
    }

    it('the outer signature is wrong (badMessageCheck)', async () => {
      const device = testDevice();
      const message = await testScepRequest(device, {
        recipientDer: caDer,
        content: testCsr(device, { challenge: 'bon-défi' }),
        corruptSignature: true,
      });
      expect(await failureOf(message)).toBe('badMessageCheck');
      expect(issued).toEqual([]);
    });

    it("the envelope is for another collectivité's CA (badMessageCheck)", async () => {
      const device = testDevice();
      const message = await testScepRequest(device, {
        recipientDer: otherCaDer,
        content: testCsr(device, { challenge: 'bon-défi' }),
      });
      expect(await failureOf(message)).toBe('badMessageCheck');
    });

    it('the signer certificate does not hold the requested key (badMessageCheck)', async () => {
      const device = testDevice();
      const someoneElse = testDevice();
      const message = await testScepRequest(device, {
        recipientDer: caDer,
        content: testCsr(someoneElse, { challenge: 'bon-défi' }),
      });
      expect(await failureOf(message)).toBe('badMessageCheck');
    });

    it('the envelope holds no PKCS#10 (badRequest)', async () => {
      const device = testDevice();
      const message = await testScepRequest(device, { recipientDer: caDer, content: Buffer.from('pas une requête') });
      expect(await failureOf(message)).toBe('badRequest');
    });

    it('the message was signed too far from the server clock (badTime)', async () => {
      const device = testDevice();
      const message = await testScepRequest(device, {
        recipientDer: caDer,
        content: testCsr(device, { challenge: 'bon-défi' }),
      });
      expect(await failureOf(message, { now: () => new Date(Date.now() + 3 * 24 * 3600_000) })).toBe('badTime');
    });

    it('a message type it does not serve, CertPoll (badRequest)', async () => {
      const device = testDevice();
      const message = await testScepRequest(device, {
        recipientDer: caDer,
        content: testCsr(device),
        messageType: 'CertPoll',
      });
      expect(await failureOf(message)).toBe('badRequest');
    });

    it('a RenewalReq signed with a certificate of another CA or expired (badCertId)', async () => {
      const foreign = testIssuedCertificate(otherCa, { commonName: 'ailleurs', keyUsage: { digitalSignature: true } });
      const fromOther = await testScepRequest(foreign, {
        recipientDer: caDer,
        content: testCsr(foreign),
        messageType: 'RenewalReq',
      });
      expect(await failureOf(fromOther)).toBe('badCertId');
      const expired = testIssuedCertificate(ca, {
        commonName: 'expiré',
        keyUsage: { digitalSignature: true },
        notBefore: new Date(Date.now() - 7200_000),
        notAfter: new Date(Date.now() - 3600_000),
      });
      const fromExpired = await testScepRequest(expired, {
        recipientDer: caDer,
        content: testCsr(expired),
        messageType: 'RenewalReq',
      });
      expect(await failureOf(fromExpired)).toBe('badCertId');
      expect(issued).toEqual([]);
    });
  });

  it('a RenewalReq signed with a valid certificate of this CA reaches the issuer with that certificate', async () => {
    const enrolled = testIssuedCertificate(ca, { commonName: 'inscrit', keyUsage: { digitalSignature: true } });
    const next = testDevice();
    const message = await testScepRequest(enrolled, {
      recipientDer: caDer,
      content: testCsr(next),
      messageType: 'RenewalReq',
    });
    const reply = await readCertRep(await server().pkiOperation(message), enrolled);
    expect(reply.status).toBe('SUCCESS');
    expect(new X509Certificate(issued[0].renewalCertificatePem!).raw).toEqual(enrolled.certificateDer);
    // The new certificate certifies the key of the new request, encrypted to the renewing certificate.
    expect(
      new X509Certificate(reply.certificatePem!).publicKey.equals(new X509Certificate(next.certificatePem).publicKey),
    ).toBe(true);
  });

  it('an issuer that cannot decide (database down) makes the operation fail, never a FAILURE CertRep', async () => {
    const device = testDevice();
    const message = await testScepRequest(device, {
      recipientDer: caDer,
      content: testCsr(device, { challenge: 'bon-défi' }),
    });
    const down = server({ issuer: () => Promise.reject(new Error('connection refused')) });
    await expect(down.pkiOperation(message)).rejects.toThrow('connection refused');
  });
});

describe('handleScepHttp', () => {
  const scep = server();
  const call = (method: string, query: string, body?: Buffer) =>
    handleScepHttp(scep, { method, query: new URLSearchParams(query), body });

  it('serves GetCACaps as text and GetCACert as DER', async () => {
    expect(await call('GET', 'operation=GetCACaps')).toMatchObject({ status: 200, contentType: 'text/plain' });
    expect(await call('GET', 'operation=GetCACert&message=CA')).toEqual({
      status: 200,
      contentType: 'application/x-x509-ca-cert',
      body: caDer,
    });
  });

  it('PKIOperation by POST and by GET with standard or URL-safe base64 (and a + turned into a space)', async () => {
    const device = testDevice();
    const message = await testScepRequest(device, {
      recipientDer: caDer,
      content: testCsr(device, { challenge: 'bon-défi' }),
    });
    const posted = await call('POST', 'operation=PKIOperation', message);
    expect(posted).toMatchObject({ status: 200, contentType: 'application/x-pki-message' });
    expect((await readCertRep(posted.body, device)).status).toBe('SUCCESS');
    const standard = message.toString('base64');
    for (const encoded of [encodeURIComponent(standard), message.toString('base64url'), standard.replace(/\+/g, ' ')]) {
      const answer = await call('GET', `operation=PKIOperation&message=${encoded}`);
      expect((await readCertRep(answer.body, device)).status).toBe('SUCCESS');
    }
  });

  it('refuses what is not SCEP with a 400 in French, not a CertRep', async () => {
    expect(await call('GET', 'operation=Inventer')).toMatchObject({ status: 400 });
    expect((await call('GET', 'operation=Inventer')).body.toString()).toContain('Opération SCEP inconnue');
    expect(await call('POST', 'operation=GetCACaps')).toMatchObject({ status: 400 });
    expect(await call('POST', 'operation=PKIOperation', Buffer.alloc(0))).toMatchObject({ status: 400 });
    expect(await call('GET', 'operation=PKIOperation&message=%%%')).toMatchObject({ status: 400 });
    const garbage = await call('POST', 'operation=PKIOperation', Buffer.from('30030201ff', 'hex'));
    expect(garbage.status).toBe(400);
    expect(garbage.body.toString()).toContain('Message SCEP illisible');
    expect(await call('POST', 'operation=PKIOperation', Buffer.alloc(70 * 1024, 0x30))).toMatchObject({ status: 400 });
  });
});
