import * as plist from 'plist';
import { emptyProfileContent, sampleProfileContent, SHA256_OF_HELLO } from '@test-support/profile-content-fixtures';
import type { ApplePayload, AppleConfigurationProfile } from './apple-profile.types';
import { appleProfileFromBody } from './apple-profile-reader';
import { renderAppleProfile } from './apple-renderer';

const UUID_V5 = /^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/;

function render(content = sampleProfileContent()) {
  const rendered = renderAppleProfile(content);
  return { rendered, profile: appleProfileFromBody(rendered.body as Buffer) };
}

function payloadsOfType(profile: AppleConfigurationProfile, type: string): ApplePayload[] {
  return profile.PayloadContent.filter((payload) => payload.PayloadType === type);
}

describe('Apple configuration profile', () => {
  it('describes the profile at the top level', () => {
    const { rendered, profile } = render();
    expect(rendered.contentType).toBe('application/x-apple-aspen-config');
    expect(rendered.fileName).toBe('cycle-3-cm1-cm2-v3.mobileconfig');
    expect(profile).toMatchObject({
      PayloadType: 'Configuration',
      PayloadVersion: 1,
      PayloadIdentifier: 'fr.socle.profile.0b9d2c4e-7f1a-4e3b-9c5d-1a2b3c4d5e6f',
      PayloadDisplayName: 'Cycle 3 — CM1/CM2',
      PayloadDescription: 'Apps et ressources de l’école Jean-Moulin',
      PayloadOrganization: 'Communauté de communes du Pays d’Évian',
      PayloadRemovalDisallowed: true,
      TargetDeviceType: 1,
    });
    expect(profile.PayloadUUID).toMatch(UUID_V5);
  });

  it('renders the same bytes twice, and new UUIDs but the same identifiers for the next version', () => {
    const first = renderAppleProfile(sampleProfileContent()).body as Buffer;
    const again = renderAppleProfile(sampleProfileContent()).body as Buffer;
    expect(again.equals(first)).toBe(true);

    const current = appleProfileFromBody(first);
    const next = appleProfileFromBody(renderAppleProfile(sampleProfileContent({ version: 4 })).body as Buffer);
    expect(next.PayloadIdentifier).toBe(current.PayloadIdentifier);
    expect(next.PayloadUUID).not.toBe(current.PayloadUUID);
    expect(next.PayloadContent.map((payload) => payload.PayloadIdentifier)).toEqual(
      current.PayloadContent.map((payload) => payload.PayloadIdentifier),
    );
    expect(next.PayloadContent.map((payload) => payload.PayloadUUID)).not.toContain(
      current.PayloadContent[0].PayloadUUID,
    );
  });

  it('gives every payload a unique identifier under the profile and a v5 UUID', () => {
    const { profile } = render();
    const identifiers = profile.PayloadContent.map((payload) => payload.PayloadIdentifier);
    expect(new Set(identifiers).size).toBe(identifiers.length);
    for (const payload of profile.PayloadContent) {
      expect(payload.PayloadIdentifier.startsWith(`${profile.PayloadIdentifier}.`)).toBe(true);
      expect(payload.PayloadUUID).toMatch(UUID_V5);
      expect(payload.PayloadVersion).toBe(1);
    }
  });

  it('turns web clips, GAR resources and ENT links into managed web clips the pupils cannot remove', () => {
    const { profile } = render();
    const clips = payloadsOfType(profile, 'com.apple.webClip.managed');
    expect(clips.map((clip) => [clip.Label, clip.URL, clip.IsRemovable, clip.FullScreen])).toEqual([
      ['Lire & écrire <vite> "ensemble"', 'https://lecture.example.fr/?classe=cm1&niveau=2', false, false],
      ['Manuel numérique (GAR)', 'https://gar.education.fr/ressource/123', false, false],
      ['ENT de l’école', 'https://ent.example.fr/', false, false],
    ]);
  });

  it('escapes markup in titles and drops characters XML cannot carry', () => {
    const content = sampleProfileContent({
      name: 'Profil <b>&</b> "test"\u0007',
      resources: [{ kind: 'web_clip', title: 'A\u0000 & <B>', url: 'https://a.example.fr/?x=1&y=2' }],
    });
    const xml = (renderAppleProfile(content).body as Buffer).toString('utf8');
    expect(xml).toContain('<string>Profil &lt;b&gt;&amp;&lt;/b&gt; "test"</string>');
    expect(xml).not.toContain('<b>');
    const parsed = plist.parse(xml) as unknown as AppleConfigurationProfile;
    expect(parsed.PayloadDisplayName).toBe('Profil <b>&</b> "test"');
    expect(parsed.PayloadContent[0].Label).toBe('A & <B>');
    expect(parsed.PayloadContent[0].URL).toBe('https://a.example.fr/?x=1&y=2');
  });

  it('renders each Wi-Fi security with the encryption type and keys Apple expects', () => {
    const { rendered, profile } = render();
    const wifi = Object.fromEntries(
      payloadsOfType(profile, 'com.apple.wifi.managed').map((payload) => [payload.SSID_STR, payload]),
    );
    expect(wifi['ECOLE-PEDAGO']).toMatchObject({
      EncryptionType: 'WPA2',
      Password: 'motdepasse-long-1',
      AutoJoin: true,
      HIDDEN_NETWORK: false,
    });
    expect(wifi['ECOLE-WPA3']).toMatchObject({
      EncryptionType: 'WPA3',
      Password: 'encore-plus-long-2',
      HIDDEN_NETWORK: true,
    });
    expect(wifi['ECOLE-INVITES']).toMatchObject({ EncryptionType: 'None', AutoJoin: false });
    expect(wifi['ECOLE-INVITES']).not.toHaveProperty('Password');
    expect(wifi['ECOLE-RADIUS']).toMatchObject({
      EncryptionType: 'WPA2',
      EAPClientConfiguration: { AcceptEAPTypes: [25, 21] },
    });
    expect(wifi['ECOLE-RADIUS']).not.toHaveProperty('Password');
    expect(
      rendered.warnings.some((warning) => warning.includes('ECOLE-RADIUS') && warning.includes('WPA2 Entreprise')),
    ).toBe(true);
  });

  it('leaves out a WPA network whose password is missing or too short, and says so', () => {
    const content = emptyProfileContent({
      wifi: [
        { ssid: 'SANS-MDP', security: 'wpa2' },
        { ssid: 'COURT', security: 'wpa3', password: 'court' },
      ],
    });
    const { rendered, profile } = render(content);
    expect(payloadsOfType(profile, 'com.apple.wifi.managed')).toEqual([]);
    expect(rendered.warnings).toEqual(
      expect.arrayContaining([expect.stringContaining('SANS-MDP'), expect.stringContaining('COURT')]),
    );
  });

  it('maps restrictions to the exact keys of com.apple.applicationaccess and warns about supervision', () => {
    const { rendered, profile } = render();
    const [restrictions] = payloadsOfType(profile, 'com.apple.applicationaccess');
    const keys = Object.fromEntries(Object.entries(restrictions).filter(([key]) => !key.startsWith('Payload')));
    expect(keys).toEqual({
      allowCamera: true,
      allowScreenShot: false,
      allowAppInstallation: false,
      allowAppRemoval: false,
      allowEraseContentAndSettings: false,
      allowBluetoothModification: false,
    });
    expect(rendered.warnings.find((warning) => warning.includes('supervisés'))).toContain(
      'l’interdiction de retirer le profil',
    );
  });

  it('emits no restrictions payload and no removal flag when no restriction is set', () => {
    const { profile } = render(emptyProfileContent());
    expect(payloadsOfType(profile, 'com.apple.applicationaccess')).toEqual([]);
    expect(profile).not.toHaveProperty('PayloadRemovalDisallowed');
    expect(profile).not.toHaveProperty('PayloadDescription');
    expect(profile.PayloadContent).toEqual([]);
  });

  it('does not warn about supervision for restrictions that only allow', () => {
    const { rendered } = render(
      emptyProfileContent({
        restrictions: { allowAppInstallation: true, allowProfileRemoval: true, allowCamera: false },
      }),
    );
    expect(rendered.warnings.filter((warning) => warning.includes('supervisés'))).toEqual([]);
  });

  it('hands iPadOS apps to the pipeline as InstallApplication requests and ignores other platforms silently', () => {
    const { rendered, profile } = render();
    expect(rendered.appleAppInstalls).toEqual([
      { identifier: 'com.apple.iWork.Pages' },
      { identifier: 'com.tonybuffington.bookcreator', managedConfiguration: { school: 'Jean-Moulin', offline: true } },
    ]);
    expect(JSON.stringify(profile)).not.toContain('gcompris');
    expect(rendered.warnings.join(' ')).not.toMatch(/gcompris|LibreOffice|Audacity/i);
  });

  it('sends PDF and EPUB documents as books and explains why other documents cannot go offline', () => {
    const { rendered, profile } = render();
    expect(rendered.appleMediaInstalls).toEqual([
      {
        title: 'Règlement intérieur',
        url: 'https://docs.example.fr/reglement.pdf',
        kind: 'pdf',
        persistentId: expect.stringMatching(/^fr\.socle\.document\.[0-9a-f]{12}$/),
        checksum: SHA256_OF_HELLO,
      },
      {
        title: 'Album de classe',
        url: 'https://docs.example.fr/album.epub',
        kind: 'epub',
        persistentId: expect.stringMatching(/^fr\.socle\.document\./),
      },
    ]);
    expect(JSON.stringify(profile)).not.toContain('docs.example.fr');
    expect(rendered.warnings).toContainEqual(
      expect.stringContaining('« Tableur des sorties » n’est ni un PDF ni un EPUB'),
    );
  });

  it('warns that an unsigned profile will show as unverified', () => {
    const { rendered } = render(emptyProfileContent());
    expect((rendered.body as Buffer).subarray(0, 5).toString()).toBe('<?xml');
    expect(rendered.warnings).toContainEqual(expect.stringContaining('non signé'));
  });
});
