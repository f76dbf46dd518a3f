import { appsFor, documentsOf, linksOf, usableWifi } from './content-selection';
import { emptyProfileContent } from '@test-support/profile-content-fixtures';

describe('what every renderer leaves out', () => {
  it('keeps the first of two apps with the same identifier and says so', () => {
    const warnings: string[] = [];
    const content = emptyProfileContent({
      apps: [
        { id: '1', name: 'Un', platform: 'android', identifier: 'fr.app', category: 'other' },
        { id: '2', name: 'Deux', platform: 'android', identifier: 'fr.app', category: 'other' },
        { id: '3', name: 'Trois', platform: 'ipados', identifier: 'fr.app', category: 'other' },
      ],
    });
    expect(appsFor(content, 'android', warnings).map((app) => app.name)).toEqual(['Un']);
    expect(warnings).toEqual(['Application « fr.app » présente deux fois : la seconde est ignorée.']);
  });

  it('drops links that are not http(s) or appear twice', () => {
    const warnings: string[] = [];
    const content = emptyProfileContent({
      resources: [
        { kind: 'web_clip', title: 'Script', url: 'javascript:alert(1)' },
        { kind: 'web_clip', title: 'Relatif', url: '/ent' },
        { kind: 'ent_link', title: 'ENT', url: 'https://ent.example.fr/' },
        { kind: 'gar_resource', title: 'ENT encore', url: 'https://ent.example.fr/' },
        { kind: 'document', title: 'Fichier', url: 'file:///C:/doc.pdf' },
      ],
    });
    expect(linksOf(content, warnings).map((link) => link.title)).toEqual(['ENT']);
    expect(documentsOf(content, warnings)).toEqual([]);
    expect(warnings).toEqual([
      expect.stringContaining('« Script » : adresse invalide'),
      expect.stringContaining('« Relatif » : adresse invalide'),
      expect.stringContaining('« https://ent.example.fr/ » présent deux fois'),
      expect.stringContaining('« Fichier » : adresse invalide'),
    ]);
  });

  it('accepts a 64-digit hex WPA key, refuses a 33-byte SSID and a repeated one', () => {
    const warnings: string[] = [];
    const content = emptyProfileContent({
      wifi: [
        { ssid: 'CLE-HEX', security: 'wpa2', password: 'a'.repeat(64) },
        { ssid: 'CLE-HEX', security: 'none' },
        { ssid: 'É'.repeat(17), security: 'none' },
        { ssid: 'TROP-LONG', security: 'wpa2', password: 'x'.repeat(64) },
        { ssid: 'RADIUS', security: 'wpa2_enterprise' },
      ],
    });
    expect(usableWifi(content, warnings).map((network) => network.ssid)).toEqual(['CLE-HEX', 'RADIUS']);
    expect(warnings).toHaveLength(3);
    expect(warnings[1]).toContain('1 à 32 octets');
    expect(warnings[2]).toContain('8 à 63 caractères');
  });
});
