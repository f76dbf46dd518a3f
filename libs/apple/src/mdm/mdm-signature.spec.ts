import { createIntermediateCa, createRootCa, privateKeyObject } from '@socle/pki';
import * as pkijs from 'pkijs';
import { readSignedData, signData } from '../cms/signed-data';
import { OpensslWorkspace } from '../testing/openssl-workspace';
import { testIssuedCertificate, TestDevice } from '../testing/scep-test-client';
import { verifyMdmSignature } from './mdm-signature';

const root = createRootCa({ commonName: 'Socle Mdm-Signature Root' });
const rootSigner = { certificatePem: root.certificatePem, key: privateKeyObject(root.privateKeyPem) };
const ca = createIntermediateCa(rootSigner, {
  collectiviteId: 'c0ffee00-0000-4000-8000-00000000000a',
  name: 'Commune A',
  keyBits: 2048,
});
const otherCa = createIntermediateCa(rootSigner, {
  collectiviteId: 'c0ffee00-0000-4000-8000-00000000000b',
  name: 'Commune B',
  keyBits: 2048,
});
const body = Buffer.from(
  '<?xml version="1.0"?><plist version="1.0"><dict><key>Status</key><string>Idle</string></dict></plist>',
);
const device = { digitalSignature: true, keyEncipherment: true };

describe('verifyMdmSignature (signatures made by openssl cms -sign, as an iPad makes them)', () => {
  const workspace = new OpensslWorkspace();
  afterAll(() => workspace.remove());

  function sign(signer: TestDevice, content: Buffer, extra: string[] = []): string {
    const name = Math.random().toString(36).slice(2);
    workspace.file(`${name}.crt`, signer.certificatePem);
    workspace.file(`${name}.key`, signer.keyPem);
    workspace.file(`${name}.body`, content);
    workspace.ok(
      'cms',
      '-sign',
      '-binary',
      '-md',
      'sha256',
      '-in',
      `${name}.body`,
      '-signer',
      `${name}.crt`,
      '-inkey',
      `${name}.key`,
      '-outform',
      'DER',
      '-out',
      `${name}.p7s`,
      ...extra,
    );
    return workspace.readBytes(`${name}.p7s`).toString('base64');
  }
  const options = { issuingCaPems: [ca.certificatePem] };

  it('accepts a detached signature over the body and returns the signer certificate', async () => {
    const tablet = testIssuedCertificate(ca, { commonName: 'tablette-7', keyUsage: device });
    const result = await verifyMdmSignature(sign(tablet, body), body, options);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.certificate.raw).toEqual(tablet.certificateDer);
    expect(result.certificate.subject).toContain('tablette-7');
    expect(result.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  });

  it('accepts a signature without signed attributes (openssl -noattr) and one made with SHA-1', async () => {
    const tablet = testIssuedCertificate(ca, { commonName: 'tablette-8', keyUsage: device });
    expect((await verifyMdmSignature(sign(tablet, body, ['-noattr']), body, options)).ok).toBe(true);
    const sha1 = sign(tablet, body, ['-md', 'sha1']);
    expect((await verifyMdmSignature(sha1, body, options)).ok).toBe(true);
  });

  it('refuses a signature of another body (one byte changed)', async () => {
    const tablet = testIssuedCertificate(ca, { commonName: 'tablette-7', keyUsage: device });
    const tampered = Buffer.from(body);
    tampered[tampered.length - 10] ^= 1;
    expect(await verifyMdmSignature(sign(tablet, body), tampered, options)).toMatchObject({
      ok: false,
      problem: 'bad_signature',
    });
  });

  it("refuses a certificate of another collectivité's CA, even under the same root", async () => {
    const foreign = testIssuedCertificate(otherCa, { commonName: 'intrus', keyUsage: device });
    const header = sign(foreign, body, [
      '-certfile',
      workspace.file('other-chain.pem', otherCa.certificatePem + root.certificatePem),
    ]);
    expect(await verifyMdmSignature(header, body, options)).toMatchObject({ ok: false, problem: 'unknown_issuer' });
    expect((await verifyMdmSignature(header, body, { issuingCaPems: [otherCa.certificatePem] })).ok).toBe(true);
  });

  it('refuses an expired certificate, and one not yet valid', async () => {
    const expired = testIssuedCertificate(ca, {
      commonName: 'ancienne',
      keyUsage: device,
      notBefore: new Date(Date.now() - 7200_000),
      notAfter: new Date(Date.now() - 3600_000),
    });
    expect(await verifyMdmSignature(sign(expired, body), body, options)).toMatchObject({
      ok: false,
      problem: 'expired',
    });
    const tablet = testIssuedCertificate(ca, { commonName: 'tablette-7', keyUsage: device });
    const past = new Date(Date.now() - 24 * 3600_000);
    expect(await verifyMdmSignature(sign(tablet, body), body, { ...options, now: past })).toMatchObject({
      ok: false,
      problem: 'not_yet_valid',
    });
  });

  it('refuses a signature made with a key other than the certificate it carries', async () => {
    const tablet = testIssuedCertificate(ca, { commonName: 'tablette-7', keyUsage: device });
    const thief = testIssuedCertificate(ca, { commonName: 'voleur', keyUsage: device });
    // openssl refuses to sign with a mismatched key; pkijs does as it is told. Attached, then detached by hand.
    const attached = readSignedData(
      await signData({
        content: body,
        signer: { certificateDer: tablet.certificateDer, key: thief.key },
        attributes: [],
      }),
    );
    attached.signedData.encapContentInfo.eContent = undefined;
    const info = new pkijs.ContentInfo({
      contentType: '1.2.840.113549.1.7.2',
      content: attached.signedData.toSchema(true),
    });
    const header = Buffer.from(info.toSchema().toBER(false)).toString('base64');
    expect(await verifyMdmSignature(header, body, options)).toMatchObject({ ok: false, problem: 'bad_signature' });
    // The same construction with the right key passes, so the refusal above is the key's doing.
    const honest = readSignedData(
      await signData({
        content: body,
        signer: { certificateDer: tablet.certificateDer, key: tablet.key },
        attributes: [],
      }),
    );
    honest.signedData.encapContentInfo.eContent = undefined;
    const honestInfo = new pkijs.ContentInfo({
      contentType: '1.2.840.113549.1.7.2',
      content: honest.signedData.toSchema(true),
    });
    expect(
      (await verifyMdmSignature(Buffer.from(honestInfo.toSchema().toBER(false)).toString('base64'), body, options)).ok,
    ).toBe(true);
  });

  it('refuses no header, garbage, and an attached (non-detached) signature', async () => {
    const tablet = testIssuedCertificate(ca, { commonName: 'tablette-7', keyUsage: device });
    expect(await verifyMdmSignature(undefined, body, options)).toEqual({ ok: false, problem: 'missing' });
    expect(await verifyMdmSignature('  ', body, options)).toEqual({ ok: false, problem: 'missing' });
    expect(await verifyMdmSignature('pas du base64 !', body, options)).toMatchObject({
      ok: false,
      problem: 'malformed',
    });
    expect(await verifyMdmSignature(Buffer.from('bonjour').toString('base64'), body, options)).toMatchObject({
      ok: false,
      problem: 'malformed',
    });
    expect(await verifyMdmSignature(sign(tablet, body, ['-nodetach']), body, options)).toMatchObject({
      ok: false,
      problem: 'malformed',
    });
    expect(await verifyMdmSignature('A'.repeat(20_000), body, options)).toMatchObject({
      ok: false,
      problem: 'malformed',
    });
  });
});
