import { createTestHierarchy } from '@test-support/pki-fixtures';
import type { ProfileContent } from '../profile-content';
import { appleSpecsDirIfPresent } from '@test-support/apple-specs';
import { emptyProfileContent, sampleProfileContent } from '@test-support/profile-content-fixtures';
import type { AppleConfigurationProfile } from './apple-profile.types';
import { buildAppleProfile } from './apple-profile-builder';
import { appleProfileFromBody } from './apple-profile-reader';
import { renderAppleProfile } from './apple-renderer';
import { validateAppleProfile } from './apple-schema-validator';

const specsDir = appleSpecsDirIfPresent();

/** Every Apple profile the renderer specs produce, so the schema judges all of them. */
const renderedCases: Array<[string, ProfileContent]> = [
  ['the full sample profile', sampleProfileContent()],
  ['an empty profile', emptyProfileContent()],
  [
    'restrictions that all allow',
    emptyProfileContent({
      restrictions: {
        allowAppInstallation: true,
        allowProfileRemoval: true,
        allowCamera: true,
        allowErase: true,
        allowScreenshots: true,
        allowBluetoothModification: true,
        allowAppRemoval: true,
      },
    }),
  ],
  [
    'markup and control characters in titles',
    sampleProfileContent({
      name: 'Profil <b>&</b> "test"\u0007',
      resources: [{ kind: 'web_clip', title: 'A\u0000 & <B>', url: 'https://a.example.fr/?x=1&y=2' }],
    }),
  ],
  [
    'Wi-Fi only, hidden and enterprise',
    emptyProfileContent({
      wifi: [
        {
          ssid: 'CACHÉ',
          security: 'wpa2',
          password: '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
          hidden: true,
        },
        { ssid: 'RADIUS', security: 'wpa2_enterprise', password: 'ignoré' },
      ],
    }),
  ],
  [
    'Wi-Fi networks left out for their password',
    emptyProfileContent({
      wifi: [
        { ssid: 'SANS-MDP', security: 'wpa2' },
        { ssid: 'COURT', security: 'wpa3', password: 'court' },
      ],
    }),
  ],
  [
    'an untitled link',
    emptyProfileContent({ resources: [{ kind: 'ent_link', title: '  ', url: 'https://ent.example.fr/' }] }),
  ],
];

function deliveredProfile(content: ProfileContent, signed: boolean): AppleConfigurationProfile {
  const signer = signed ? createTestHierarchy().intermediateSigner : undefined;
  return appleProfileFromBody(renderAppleProfile(content, { signer }).body as Buffer);
}

if (specsDir) {
  describe("Apple profiles against Apple's published schemas", () => {
    it.each(renderedCases)('%s (as delivered, unsigned) has no schema problem on iOS', (_name, content) => {
      expect(validateAppleProfile(deliveredProfile(content, false), specsDir, { os: 'iOS' })).toEqual([]);
    });

    it('a signed profile carries a schema-valid plist too', () => {
      expect(validateAppleProfile(deliveredProfile(sampleProfileContent(), true), specsDir, { os: 'iOS' })).toEqual([]);
    });

    describe('catches', () => {
      const valid = () =>
        structuredClone(buildAppleProfile(sampleProfileContent()).profile) as unknown as Record<string, any>;
      const problemsOf = (profile: unknown, os?: 'iOS' | 'macOS') => validateAppleProfile(profile, specsDir, { os });

      it('a value of the wrong type', () => {
        const profile = valid();
        profile.PayloadContent[0].IsRemovable = 'no';
        profile.PayloadVersion = '1';
        expect(problemsOf(profile)).toEqual([
          { path: 'PayloadVersion', message: 'expected <integer>, got string "1"' },
          {
            path: 'PayloadContent[0](com.apple.webClip.managed).IsRemovable',
            message: 'expected <boolean>, got string "no"',
          },
        ]);
      });

      it('an unknown key, at the top level and in a payload', () => {
        const profile = valid();
        profile.PayloadColour = 'bleu';
        profile.PayloadContent[0].allowCamera = false;
        expect(problemsOf(profile)).toEqual([
          { path: 'PayloadColour', message: 'unknown key' },
          { path: 'PayloadContent[0](com.apple.webClip.managed).allowCamera', message: 'unknown key' },
        ]);
      });

      it('a missing required key, Apple-specific or common', () => {
        const profile = valid();
        delete profile.PayloadContent[0].URL;
        delete profile.PayloadContent[1].PayloadUUID;
        expect(problemsOf(profile)).toEqual([
          { path: 'PayloadContent[0](com.apple.webClip.managed).URL', message: 'required key missing' },
          { path: 'PayloadContent[1](com.apple.webClip.managed).PayloadUUID', message: 'required key missing' },
        ]);
      });

      it('a value outside the rangelist, nested keys included', () => {
        const profile = valid();
        const wifi = profile.PayloadContent.find((payload: any) => payload.SSID_STR === 'ECOLE-RADIUS');
        wifi.EncryptionType = 'WPA4';
        wifi.EAPClientConfiguration.AcceptEAPTypes = [25, 99];
        wifi.EAPClientConfiguration.Favourite = true;
        const path = `PayloadContent[${profile.PayloadContent.indexOf(wifi)}](com.apple.wifi.managed)`;
        expect(problemsOf(profile)).toEqual([
          { path: `${path}.EncryptionType`, message: '"WPA4" is not one of ["WEP","WPA","WPA2","WPA3","Any","None"]' },
          {
            path: `${path}.EAPClientConfiguration.AcceptEAPTypes[1]`,
            message: '99 is not one of [13,17,18,21,23,25,43]',
          },
          { path: `${path}.EAPClientConfiguration.Favourite`, message: 'unknown key' },
        ]);
      });

      it('a required key missing from a nested dictionary', () => {
        const profile = valid();
        const wifi = profile.PayloadContent.find((payload: any) => payload.SSID_STR === 'ECOLE-RADIUS');
        wifi.EAPClientConfiguration = { UserName: 'eleve' };
        expect(problemsOf(profile)).toEqual([
          {
            path: `PayloadContent[${profile.PayloadContent.indexOf(wifi)}](com.apple.wifi.managed).EAPClientConfiguration.AcceptEAPTypes`,
            message: 'required key missing',
          },
        ]);
      });

      it('a payload type Apple does not describe', () => {
        const profile = valid();
        profile.PayloadContent[0].PayloadType = 'fr.socle.invented';
        expect(problemsOf(profile)).toEqual([
          { path: 'PayloadContent[0]', message: "payload type fr.socle.invented is not described by Apple's schemas" },
        ]);
      });

      it('a key that does not exist on the target OS', () => {
        const problems = problemsOf(valid(), 'macOS').map((problem) => problem.path);
        expect(problems).toContain('PayloadContent[0](com.apple.webClip.managed).FullScreen');
        expect(problems).toContain('PayloadContent[0](com.apple.webClip.managed).IsRemovable');
        expect(problemsOf(valid(), 'iOS')).toEqual([]);
      });
    });
  });
} else {
  it('leaves the schema checks out only outside CI', () => {
    // A developer may lack ../shared; in CI the guard has already thrown rather than let this pass.
    expect(process.env.CI).not.toBe('true');
  });
}
