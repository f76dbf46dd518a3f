import { OS_FAMILIES } from '@socle/fleet';
import { renderProfile } from './render-profile';
import { emptyProfileContent, sampleProfileContent } from '@test-support/profile-content-fixtures';

describe('renderProfile', () => {
  it.each([
    ['ipados', 'application/x-apple-aspen-config', '.mobileconfig'],
    ['android', 'application/json', '.android-policy.json'],
    ['windows', 'application/json', '.windows.socle-agent.json'],
    ['chromeos', 'application/json', '.chromeos.socle-agent.json'],
    ['linux', 'application/json', '.linux.socle-agent.json'],
  ] as const)('renders %s as %s', (osFamily, contentType, suffix) => {
    const rendered = renderProfile(sampleProfileContent(), osFamily);
    expect(rendered.osFamily).toBe(osFamily);
    expect(rendered.contentType).toBe(contentType);
    expect(rendered.fileName).toBe(`cycle-3-cm1-cm2-v3${suffix}`);
    expect(Buffer.isBuffer(rendered.body)).toBe(osFamily === 'ipados');
  });

  it('covers every OS family a pack can have', () => {
    for (const osFamily of OS_FAMILIES) expect(renderProfile(emptyProfileContent(), osFamily).osFamily).toBe(osFamily);
  });

  it('falls back to the profile id for a name with nothing printable in ASCII', () => {
    expect(renderProfile(emptyProfileContent({ name: '«»' }), 'linux').fileName).toBe(
      '0b9d2c4e-7f1a-4e3b-9c5d-1a2b3c4d5e6f-v3.linux.socle-agent.json',
    );
  });
});
