import { emptyProfileContent, sampleProfileContent, SHA256_OF_HELLO } from '@test-support/profile-content-fixtures';
import { AGENT_PROFILE_FORMAT, AgentProfileV1 } from './agent-profile.types';
import { renderAgentProfile } from './agent-renderer';

function agentProfile(osFamily: AgentProfileV1['osFamily'] = 'windows', content = sampleProfileContent()) {
  const rendered = renderAgentProfile(content, osFamily);
  return { rendered, profile: JSON.parse(JSON.stringify(rendered.body)) as AgentProfileV1 };
}

describe('Socle agent profile', () => {
  it('is versioned and names the profile, its version and its collectivité', () => {
    const { rendered, profile } = agentProfile();
    expect(rendered).toMatchObject({
      osFamily: 'windows',
      contentType: 'application/json',
      fileName: 'cycle-3-cm1-cm2-v3.windows.socle-agent.json',
    });
    expect(profile.format).toBe(AGENT_PROFILE_FORMAT);
    expect(profile.format).toBe('socle.agent.profile/v1');
    expect(profile.profile).toEqual({
      id: '0b9d2c4e-7f1a-4e3b-9c5d-1a2b3c4d5e6f',
      version: 3,
      name: 'Cycle 3 — CM1/CM2',
      description: 'Apps et ressources de l’école Jean-Moulin',
    });
    expect(profile.collectivite.name).toBe('Communauté de communes du Pays d’Évian');
  });

  it('lists only the apps of the laptop’s OS family', () => {
    expect(agentProfile('windows').profile.apps).toEqual([
      {
        identifier: 'TheDocumentFoundation.LibreOffice',
        name: 'LibreOffice',
        category: 'office_suite',
        managedConfiguration: null,
      },
    ]);
    expect(agentProfile('linux').profile.apps.map((app) => app.identifier)).toEqual(['org.audacityteam.Audacity']);
    expect(agentProfile('chromeos').profile.apps).toEqual([]);
  });

  it('separates links from documents and keeps each document’s checksum in lower case', () => {
    const { profile, rendered } = agentProfile();
    expect(profile.resources.map((resource) => resource.kind)).toEqual(['web_clip', 'gar_resource', 'ent_link']);
    expect(profile.documents).toEqual([
      { title: 'Règlement intérieur', url: 'https://docs.example.fr/reglement.pdf', sha256: SHA256_OF_HELLO },
      { title: 'Album de classe', url: 'https://docs.example.fr/album.epub', sha256: null },
      { title: 'Tableur des sorties', url: 'https://docs.example.fr/sorties.xlsx', sha256: SHA256_OF_HELLO },
    ]);
    expect(rendered.warnings).toEqual([expect.stringContaining('« Album de classe » sans empreinte')]);
  });

  it('drops a malformed checksum rather than let the agent reject a good file forever', () => {
    const content = emptyProfileContent({
      resources: [{ kind: 'document', title: 'Fiche', url: 'https://docs.example.fr/fiche.odt', checksum: 'abc' }],
    });
    const { profile, rendered } = agentProfile('linux', content);
    expect(profile.documents[0].sha256).toBeNull();
    expect(rendered.warnings).toEqual([expect.stringContaining('empreinte SHA-256 invalide')]);
  });

  it('carries every usable Wi-Fi network with explicit defaults', () => {
    expect(agentProfile().profile.wifi).toEqual([
      { ssid: 'ECOLE-PEDAGO', security: 'wpa2', password: 'motdepasse-long-1', autoJoin: true, hidden: false },
      { ssid: 'ECOLE-WPA3', security: 'wpa3', password: 'encore-plus-long-2', autoJoin: true, hidden: true },
      { ssid: 'ECOLE-INVITES', security: 'none', password: null, autoJoin: false, hidden: false },
      { ssid: 'ECOLE-RADIUS', security: 'wpa2_enterprise', password: null, autoJoin: true, hidden: false },
    ]);
  });

  it('keeps only the restriction flags that were set', () => {
    const content = emptyProfileContent({
      restrictions: { allowCamera: false, allowErase: true, unexpected: false } as never,
    });
    expect(agentProfile('windows', content).profile.restrictions).toEqual({ allowCamera: false, allowErase: true });
  });

  it('renders the same JSON for the same version', () => {
    expect(JSON.stringify(agentProfile().rendered.body)).toBe(JSON.stringify(agentProfile().rendered.body));
  });
});
