import * as plist from 'plist';
import { nameBasedUuid, signedData } from '@socle/profiles';
import type { ProfileSigner } from '@socle/profiles';
import { certificatesDerOf } from '../cms/asn1-glue';

/** Apple's MDM access rights (com.apple.mdm AccessRights), by what Socle does with each. */
export const MDM_ACCESS_RIGHTS = {
  inspectProfiles: 1,
  installRemoveProfiles: 2,
  lockAndClearPasscode: 4,
  erase: 8,
  queryDeviceInformation: 16,
  queryNetworkInformation: 32,
  inspectProvisioningProfiles: 64,
  installProvisioningProfiles: 128,
  inspectApplications: 256,
  restrictionQueries: 512,
  securityQueries: 1024,
  changeSettings: 2048,
  manageApplications: 4096,
} as const;

/** Everything: profiles, lock and wipe, inventory, settings (device name), apps. */
export const SOCLE_ACCESS_RIGHTS = Object.values(MDM_ACCESS_RIGHTS).reduce((all, bit) => all | bit, 0);

/** Key usage of the SCEP key: signing (Mdm-Signature, TLS client) and key encipherment. */
const KEY_USAGE_SIGN_AND_ENCRYPT = 1 | 4;
const TARGET_IPAD = 1;
const XML_FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export interface EnrollmentProfileInput {
  packId: string;
  /** As the technician named it ("CM1"): in the profile name and the certificate subject. */
  packName: string;
  schoolName: string;
  collectiviteName: string;
  /** `/v1/scep` on the gateway or the plain-HTTP SCEP port. */
  scepUrl: string;
  /** The one-time SCEP challenge, bound to the pack's enrollment token and expiring with it. */
  challenge: string;
  /** `/mdm/connect`. */
  serverUrl: string;
  /** `/mdm/checkin`. */
  checkInUrl: string;
  /** The push certificate's topic (`com.apple.mgmt.External.…`). */
  topic: string;
  /** The collectivité's root (PEM): installed as trusted so the device trusts the gateway and its SCEP CA. */
  rootCaPem: string;
  /** Only capabilities Socle implements; per-user connections are for shared iPads, which Socle does not serve. */
  serverCapabilities?: readonly ('com.apple.mdm.per-user-connections' | 'com.apple.mdm.token')[];
  accessRights?: number;
}

/**
 * The `.mobileconfig` that enrolls one iPad of a pack (before signing): the root CA, a SCEP
 * payload that makes the device create its key and fetch its identity, and the MDM payload that
 * uses that identity. UUIDs are derived from the pack, so a downloaded-again profile replaces the
 * previous one on the device rather than stacking a second enrollment. No CAFingerprint: Apple
 * documents neither its hash nor SHA-256 support, and a wrong guess would fail every enrollment;
 * the device checks the SCEP CA through the root payload and TLS instead.
 */
export function buildEnrollmentProfile(input: EnrollmentProfileInput): plist.PlistObject {
  for (const [name, url] of Object.entries({
    scepUrl: input.scepUrl,
    serverUrl: input.serverUrl,
    checkInUrl: input.checkInUrl,
  }))
    if (!/^https?:\/\//.test(url)) throw new Error(`${name} must be an http(s) URL`);
  if (!/^https:\/\//.test(input.serverUrl) || !/^https:\/\//.test(input.checkInUrl))
    throw new Error('The MDM server and check-in URLs must be https');
  if (!input.challenge) throw new Error('An enrollment profile needs its one-time SCEP challenge');
  if (!input.topic.startsWith('com.apple.mgmt.'))
    throw new Error('The MDM topic comes from the push certificate (com.apple.mgmt.…)');
  const [rootDer] = certificatesDerOf(input.rootCaPem);
  if (!rootDer) throw new Error('The root CA must be a PEM certificate');
  const base = `fr.socle.enrollment.${input.packId}`;
  const uuid = (suffix: string) => nameBasedUuid(`${base}/${suffix}`);
  const scepUuid = uuid('scep');
  const packLabel = text(`pack ${input.packName}`);
  const root = {
    PayloadType: 'com.apple.security.root',
    PayloadIdentifier: `${base}.root`,
    PayloadUUID: uuid('root'),
    PayloadVersion: 1,
    PayloadDisplayName: text(`Autorité ${input.collectiviteName}`),
    PayloadCertificateFileName: 'socle-root.cer',
    PayloadContent: rootDer,
  };
  const scep = {
    PayloadType: 'com.apple.security.scep',
    PayloadIdentifier: `${base}.scep`,
    PayloadUUID: scepUuid,
    PayloadVersion: 1,
    PayloadDisplayName: text(`Identité de la tablette (${packLabel})`),
    PayloadContent: {
      URL: input.scepUrl,
      Name: 'Socle',
      Subject: [[['O', text(input.collectiviteName)]], [['OU', text(input.schoolName)]], [['CN', packLabel]]],
      Challenge: input.challenge,
      Keysize: 2048,
      'Key Type': 'RSA',
      'Key Usage': KEY_USAGE_SIGN_AND_ENCRYPT,
      Retries: 3,
      RetryDelay: 10,
    },
  };
  const mdm = {
    PayloadType: 'com.apple.mdm',
    PayloadIdentifier: `${base}.mdm`,
    PayloadUUID: uuid('mdm'),
    PayloadVersion: 1,
    PayloadDisplayName: 'Gestion par Socle',
    ServerURL: input.serverUrl,
    CheckInURL: input.checkInUrl,
    Topic: input.topic,
    IdentityCertificateUUID: scepUuid,
    SignMessage: true,
    AccessRights: input.accessRights ?? SOCLE_ACCESS_RIGHTS,
    CheckOutWhenRemoved: true,
    ...(input.serverCapabilities?.length ? { ServerCapabilities: [...input.serverCapabilities] } : {}),
  };
  return {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: base,
    PayloadUUID: uuid('profile'),
    PayloadDisplayName: text(`Inscription Socle — ${packLabel}`),
    PayloadDescription: text(`Inscrit cette tablette dans le ${packLabel} de ${input.schoolName}.`),
    PayloadOrganization: text(input.collectiviteName),
    TargetDeviceType: TARGET_IPAD,
    PayloadContent: [root, scep, mdm],
  } as unknown as plist.PlistObject;
}

/** Signed as CMS by the collectivité's profile signer (libs/profiles' signer, the same as every profile). */
export function renderEnrollmentProfile(
  input: EnrollmentProfileInput,
  signer: ProfileSigner,
  signingTime = new Date(),
): Buffer {
  const xml = Buffer.from(plist.build(buildEnrollmentProfile(input)), 'utf8');
  return signedData(xml, signer, new Date(Math.floor(signingTime.getTime() / 1000) * 1000));
}

function text(value: string): string {
  return value.replace(XML_FORBIDDEN, '').trim();
}
