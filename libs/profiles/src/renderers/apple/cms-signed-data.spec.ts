import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { OpensslWorkspace } from '@test-support/openssl-workspace';
import { createTestHierarchy, TestHierarchy } from '@test-support/pki-fixtures';
import type { ProfileSigner } from '../rendered-profile';
import { sampleProfileContent } from '@test-support/profile-content-fixtures';
import { appleProfileFromBody } from './apple-profile-reader';
import { renderAppleProfile } from './apple-renderer';
import { signedData } from './cms-signed-data';

const SIGNING_TIME = new Date('2026-03-02T08:30:00Z');

describe('signed .mobileconfig (CMS SignedData)', () => {
  let hierarchy: TestHierarchy;
  let signer: ProfileSigner;
  let openssl: OpensslWorkspace;

  beforeAll(() => {
    // Accents in every name: the trap forge's own PKCS#7 writer falls into.
    hierarchy = createTestHierarchy({
      rootName: 'Socle Racine d’essai',
      collectiviteName: 'Communauté de communes du Pays d’Évian',
    });
    signer = { ...hierarchy.intermediateSigner, chainPems: [hierarchy.root.certificatePem] };
    openssl = new OpensslWorkspace();
    openssl.file('root.pem', hierarchy.root.certificatePem);
  });

  afterAll(() => openssl.remove());

  function signedBody(options: { signer?: ProfileSigner; signingTime?: Date } = {}): Buffer {
    return renderAppleProfile(sampleProfileContent(), {
      signer: options.signer ?? signer,
      signingTime: options.signingTime ?? SIGNING_TIME,
    }).body as Buffer;
  }

  it('is accepted by openssl cms -verify against the platform root, and carries the unsigned XML unchanged', () => {
    openssl.file('profile.mobileconfig', signedBody());
    openssl.ok(
      'cms',
      '-verify',
      '-inform',
      'DER',
      '-in',
      'profile.mobileconfig',
      '-CAfile',
      'root.pem',
      '-purpose',
      'any',
      '-out',
      'content.xml',
    );
    const unsigned = renderAppleProfile(sampleProfileContent()).body as Buffer;
    expect(openssl.read('content.xml')).toBe(unsigned.toString('utf8'));
  });

  it('is accepted by openssl smime -verify too, with the signer certificate found inside the message alone', () => {
    openssl.file('intermediate-only.mobileconfig', signedBody({ signer: hierarchy.intermediateSigner }));
    openssl.ok(
      'smime',
      '-verify',
      '-inform',
      'DER',
      '-in',
      'intermediate-only.mobileconfig',
      '-CAfile',
      'root.pem',
      '-purpose',
      'any',
      '-out',
      'smime.xml',
    );
    expect(openssl.read('smime.xml')).toContain('<string>Configuration</string>');
  });

  it('embeds the signer and chain certificates byte for byte', () => {
    openssl.file('chain.mobileconfig', signedBody());
    const printed = openssl.ok('pkcs7', '-inform', 'DER', '-in', 'chain.mobileconfig', '-print_certs');
    const embedded = [...printed.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)].map(
      (match) => new X509Certificate(match[0]).fingerprint256,
    );
    expect(embedded).toEqual([
      new X509Certificate(hierarchy.intermediate.certificatePem).fingerprint256,
      new X509Certificate(hierarchy.root.certificatePem).fingerprint256,
    ]);
  });

  it('is refused by another root', () => {
    const stranger = createTestHierarchy({ rootName: 'Autre racine' });
    openssl.file('stranger.pem', stranger.root.certificatePem);
    openssl.file('foreign.mobileconfig', signedBody());
    const result = openssl.run(
      'cms',
      '-verify',
      '-inform',
      'DER',
      '-in',
      'foreign.mobileconfig',
      '-CAfile',
      'stranger.pem',
      '-purpose',
      'any',
      '-out',
      'foreign.xml',
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/certificate verify error|unable to get local issuer certificate/i);
  });

  it('is refused once a byte of the content changed', () => {
    const body = signedBody();
    const at = body.indexOf(Buffer.from('ECOLE-PEDAGO'));
    expect(at).toBeGreaterThan(0);
    body[at] = 'X'.charCodeAt(0);
    openssl.file('tampered.mobileconfig', body);
    const result = openssl.run(
      'cms',
      '-verify',
      '-inform',
      'DER',
      '-in',
      'tampered.mobileconfig',
      '-CAfile',
      'root.pem',
      '-purpose',
      'any',
      '-out',
      'tampered.xml',
    );
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/digest failure|verification failure/i);
  });

  it('records the signing time, and differs only by it', () => {
    const first = signedBody();
    expect(signedBody().equals(first)).toBe(true);
    const later = signedBody({ signingTime: new Date('2026-03-02T09:00:00Z') });
    expect(later.equals(first)).toBe(false);
    expect(appleProfileFromBody(later)).toEqual(appleProfileFromBody(first));
    openssl.file('timed.mobileconfig', first);
    expect(openssl.ok('cms', '-cmsout', '-print', '-inform', 'DER', '-in', 'timed.mobileconfig')).toContain(
      'UTCTIME:Mar  2 08:30:00 2026 GMT',
    );
  });

  it('refuses a key that is not RSA', () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(() =>
      signedData(
        Buffer.from('<plist/>'),
        { certificatePem: hierarchy.intermediate.certificatePem, key: privateKey },
        SIGNING_TIME,
      ),
    ).toThrow(/RSA/);
  });
});
