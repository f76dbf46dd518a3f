import type { ProfileContent } from '@socle/profiles';

export const SHA256_OF_HELLO = '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824';

/** A profile that exercises every renderer branch: three platforms of apps, every resource kind, every Wi-Fi security. */
export function sampleProfileContent(overrides: Partial<ProfileContent> = {}): ProfileContent {
  return {
    profileId: '0b9d2c4e-7f1a-4e3b-9c5d-1a2b3c4d5e6f',
    version: 3,
    name: 'Cycle 3 — CM1/CM2',
    description: 'Apps et ressources de l’école Jean-Moulin',
    collectivite: { id: '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b', name: 'Communauté de communes du Pays d’Évian' },
    apps: [
      { id: 'a1', name: 'Pages', platform: 'ipados', identifier: 'com.apple.iWork.Pages', category: 'office_suite' },
      {
        id: 'a2',
        name: 'Book Creator',
        platform: 'ipados',
        identifier: 'com.tonybuffington.bookcreator',
        category: 'book_creator',
        managedConfiguration: { school: 'Jean-Moulin', offline: true },
      },
      {
        id: 'a3',
        name: 'GCompris',
        platform: 'android',
        identifier: 'net.gcompris.full',
        category: 'subject_software',
      },
      {
        id: 'a4',
        name: 'Correcteur',
        platform: 'android',
        identifier: 'fr.example.correcteur',
        category: 'spell_checker',
        managedConfiguration: { langue: 'fr' },
      },
      {
        id: 'a5',
        name: 'LibreOffice',
        platform: 'windows',
        identifier: 'TheDocumentFoundation.LibreOffice',
        category: 'office_suite',
      },
      {
        id: 'a6',
        name: 'Audacity',
        platform: 'linux',
        identifier: 'org.audacityteam.Audacity',
        category: 'audio_video',
      },
    ],
    resources: [
      {
        kind: 'web_clip',
        title: 'Lire & écrire <vite> "ensemble"',
        url: 'https://lecture.example.fr/?classe=cm1&niveau=2',
      },
      { kind: 'gar_resource', title: 'Manuel numérique (GAR)', url: 'https://gar.education.fr/ressource/123' },
      { kind: 'ent_link', title: 'ENT de l’école', url: 'https://ent.example.fr/' },
      {
        kind: 'document',
        title: 'Règlement intérieur',
        url: 'https://docs.example.fr/reglement.pdf',
        checksum: SHA256_OF_HELLO,
      },
      { kind: 'document', title: 'Album de classe', url: 'https://docs.example.fr/album.epub' },
      {
        kind: 'document',
        title: 'Tableur des sorties',
        url: 'https://docs.example.fr/sorties.xlsx',
        checksum: SHA256_OF_HELLO.toUpperCase(),
      },
    ],
    wifi: [
      { ssid: 'ECOLE-PEDAGO', security: 'wpa2', password: 'motdepasse-long-1', autoJoin: true },
      { ssid: 'ECOLE-WPA3', security: 'wpa3', password: 'encore-plus-long-2', hidden: true },
      { ssid: 'ECOLE-INVITES', security: 'none', autoJoin: false },
      { ssid: 'ECOLE-RADIUS', security: 'wpa2_enterprise' },
    ],
    restrictions: {
      allowCamera: true,
      allowAppInstallation: false,
      allowProfileRemoval: false,
      allowErase: false,
      allowScreenshots: false,
      allowBluetoothModification: false,
      allowAppRemoval: false,
    },
    ...overrides,
  };
}

export function emptyProfileContent(overrides: Partial<ProfileContent> = {}): ProfileContent {
  return sampleProfileContent({
    description: undefined,
    apps: [],
    resources: [],
    wifi: [],
    restrictions: {},
    ...overrides,
  });
}
