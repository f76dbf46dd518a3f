import { createIntermediateCa, createRootCa, privateKeyObject } from '@socle/pki';
import { appleProfileFromBody, validateAppleProfile } from '@socle/profiles';
import * as plist from 'plist';
import { certificatesDerOf } from '../cms/asn1-glue';
import { checkSignature, readSignedData } from '../cms/signed-data';
import { describeWithAppleSpecs } from '../testing/apple-specs-dir';
import {
  buildEnrollmentProfile,
  EnrollmentProfileInput,
  renderEnrollmentProfile,
  SOCLE_ACCESS_RIGHTS,
} from './enrollment-profile';

const root = createRootCa({ commonName: 'Socle Enrollment Root' });
const rootSigner = { certificatePem: root.certificatePem, key: privateKeyObject(root.privateKeyPem) };
const ca = createIntermediateCa(rootSigner, {
  collectiviteId: 'c0ffee00-0000-4000-8000-0000000000e1',
  name: 'Commune de Test',
  keyBits: 2048,
});
const input: EnrollmentProfileInput = {
  packId: '8d5e2a10-0000-4000-8000-000000000001',
  packName: 'CM1',
  schoolName: 'École Jules Ferry',
  collectiviteName: 'Commune de Test',
  scepUrl: 'http://mdm.commune.fr:3080/v1/scep',
  challenge: 'défi-à-usage-unique',
  serverUrl: 'https://mdm.commune.fr:3443/mdm/connect',
  checkInUrl: 'https://mdm.commune.fr:3443/mdm/checkin',
  topic: 'com.apple.mgmt.External.e0bd1eac-1f17-4c8e-8a63-dd17d3dd35d9',
  rootCaPem: root.certificatePem,
};

describeWithAppleSpecs('enrollment profile', (specsDir) => {
  it("validates against Apple's profile schemas for iOS, signed and read back", async () => {
    const body = renderEnrollmentProfile(input, {
      certificatePem: ca.certificatePem,
      key: privateKeyObject(ca.privateKeyPem),
      chainPems: [root.certificatePem],
    });
    const profile = appleProfileFromBody(body);
    expect(validateAppleProfile(profile, specsDir, { os: 'iOS' })).toEqual([]);
    const signature = await checkSignature(readSignedData(body));
    expect(signature.valid).toBe(true);
  });

  it('ties the MDM identity to the SCEP payload and carries what the issue asks for', () => {
    const profile = buildEnrollmentProfile(input) as any;
    const [rootPayload, scep, mdm] = profile.PayloadContent;
    expect(rootPayload).toMatchObject({
      PayloadType: 'com.apple.security.root',
      PayloadContent: certificatesDerOf(root.certificatePem)[0],
    });
    expect(scep.PayloadType).toBe('com.apple.security.scep');
    expect(scep.PayloadContent).toMatchObject({
      URL: input.scepUrl,
      Challenge: input.challenge,
      Keysize: 2048,
      'Key Usage': 5,
      Subject: [[['O', 'Commune de Test']], [['OU', 'École Jules Ferry']], [['CN', 'pack CM1']]],
    });
    expect(mdm).toMatchObject({
      PayloadType: 'com.apple.mdm',
      ServerURL: input.serverUrl,
      CheckInURL: input.checkInUrl,
      Topic: input.topic,
      IdentityCertificateUUID: scep.PayloadUUID,
      SignMessage: true,
      CheckOutWhenRemoved: true,
      AccessRights: SOCLE_ACCESS_RIGHTS,
    });
    expect(SOCLE_ACCESS_RIGHTS).toBe(8191);
    expect('ServerCapabilities' in mdm).toBe(false);
    const withCapability = buildEnrollmentProfile({ ...input, serverCapabilities: ['com.apple.mdm.token'] }) as any;
    expect(withCapability.PayloadContent[2].ServerCapabilities).toEqual(['com.apple.mdm.token']);
    expect(validateAppleProfile(plist.parse(plist.build(withCapability)), specsDir, { os: 'iOS' })).toEqual([]);
  });

  it('is stable per pack (a second download replaces the first) and distinct across packs', () => {
    const again = buildEnrollmentProfile({ ...input, challenge: 'autre-défi' }) as any;
    const first = buildEnrollmentProfile(input) as any;
    expect(again.PayloadUUID).toBe(first.PayloadUUID);
    expect(again.PayloadContent[1].PayloadUUID).toBe(first.PayloadContent[1].PayloadUUID);
    const other = buildEnrollmentProfile({ ...input, packId: '8d5e2a10-0000-4000-8000-000000000002' }) as any;
    expect(other.PayloadUUID).not.toBe(first.PayloadUUID);
    expect(other.PayloadIdentifier).not.toBe(first.PayloadIdentifier);
  });

  it('refuses plain-http MDM URLs, a missing challenge, a topic not from a push certificate', () => {
    expect(() => buildEnrollmentProfile({ ...input, serverUrl: 'http://mdm.commune.fr/mdm/connect' })).toThrow('https');
    expect(() => buildEnrollmentProfile({ ...input, challenge: '' })).toThrow('challenge');
    expect(() => buildEnrollmentProfile({ ...input, topic: 'fr.socle' })).toThrow('push certificate');
    expect(() => buildEnrollmentProfile({ ...input, rootCaPem: 'pas un certificat' })).toThrow('PEM');
  });

  it('strips control characters a pasted school name could carry', () => {
    const profile = buildEnrollmentProfile({ ...input, schoolName: 'École\u0007 Ferry' }) as any;
    expect(profile.PayloadContent[1].PayloadContent.Subject[1]).toEqual([['OU', 'École Ferry']]);
  });
});
