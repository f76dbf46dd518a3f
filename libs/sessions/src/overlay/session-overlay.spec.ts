import { appleProfileFromBody } from '@socle/profiles';
import { appleSchemaProblems } from '@test-support/apple-specs';
import { buildAndroidSessionPolicy, SOCLE_KIOSK_PACKAGE } from './android-session-overlay';
import { buildAppleSessionProfile } from './apple-session-overlay';
import { renderSessionOverlay } from './render-session-overlay';
import { SessionOverlayInput } from './session-overlay.types';

const input = (apps: string[], domains: string[] = []): SessionOverlayInput => ({
  sessionId: '6d0f1c3a-2b4e-4f5a-9c8d-7e6f5a4b3c2d',
  startsAt: new Date('2026-03-12T08:00:00Z'),
  endsAt: new Date('2026-03-12T09:00:00Z'),
  classroom: 'CM1 A',
  collectivite: { id: 'c0ffee00-0000-4000-8000-000000000000', name: 'Commune d’Évian' },
  apps: apps.map((identifier) => ({ identifier, name: identifier })),
  domains,
});

type Payload = Record<string, unknown> & { PayloadType: string };
const payloadsOf = (profile: Record<string, unknown>) => profile.PayloadContent as Payload[];

describe('Apple session overlay', () => {
  it('locks one app with Single App Mode, and removes itself at the end of the session', () => {
    const profile = buildAppleSessionProfile(input(['com.bookcreator.bookcreator']));
    expect(profile).toMatchObject({
      PayloadIdentifier: 'fr.socle.session.6d0f1c3a-2b4e-4f5a-9c8d-7e6f5a4b3c2d',
      RemovalDate: new Date('2026-03-12T09:00:00Z'),
      PayloadDisplayName: 'Séance CM1 A 09:00–10:00',
    });
    expect(payloadsOf(profile)).toEqual([
      expect.objectContaining({
        PayloadType: 'com.apple.app.lock',
        App: { Identifier: 'com.bookcreator.bookcreator' },
      }),
    ]);
    expect(appleSchemaProblems(profile)).toEqual([]);
  });

  it('allows a short list of apps (and Safari for the lesson’s sites), with the sites as the only ones reachable', () => {
    const profile = buildAppleSessionProfile(input(['com.a.one', 'com.b.two'], ['lalilo.com', 'gar.education.fr']));
    const [apps, sites] = payloadsOf(profile);
    expect(apps).toMatchObject({
      PayloadType: 'com.apple.applicationaccess',
      allowListedAppBundleIDs: ['com.a.one', 'com.b.two', 'com.apple.mobilesafari'],
      autonomousSingleAppModePermittedAppIDs: ['com.a.one', 'com.b.two'],
    });
    expect(sites).toMatchObject({
      PayloadType: 'com.apple.webcontent-filter',
      FilterType: 'BuiltIn',
      AllowListBookmarks: [
        { URL: 'https://lalilo.com/', Title: 'lalilo.com' },
        { URL: 'https://gar.education.fr/', Title: 'gar.education.fr' },
      ],
    });
    expect(appleSchemaProblems(profile)).toEqual([]);
  });

  it('delivers the plist the device reads, with its removal date intact', () => {
    const rendered = renderSessionOverlay(input([], ['lalilo.com']), 'ipados');
    expect(rendered).toMatchObject({
      encoding: 'base64',
      contentType: 'application/x-apple-aspen-config',
      identifier: 'fr.socle.session.6d0f1c3a-2b4e-4f5a-9c8d-7e6f5a4b3c2d',
    });
    const profile = appleProfileFromBody(Buffer.from(rendered.body as string, 'base64')) as unknown as Record<
      string,
      unknown
    >;
    expect(profile.RemovalDate).toEqual(new Date('2026-03-12T09:00:00Z'));
    expect(payloadsOf(profile).map((payload) => payload.PayloadType)).toEqual(['com.apple.webcontent-filter']);
  });
});

describe('Android and agent session overlays', () => {
  it('pins the lesson to Socle’s kiosk launcher, which carries the end time', () => {
    const { policy, endsAt } = buildAndroidSessionPolicy(input(['org.lalilo.app'], ['lalilo.com']));
    expect(endsAt).toBe('2026-03-12T09:00:00.000Z');
    expect(policy.applications[0]).toMatchObject({
      packageName: SOCLE_KIOSK_PACKAGE,
      installType: 'KIOSK',
      managedConfiguration: {
        endsAt,
        allowedPackages: ['org.lalilo.app'],
        allowedDomains: ['lalilo.com'],
        autoLaunchPackage: 'org.lalilo.app',
      },
    });
    expect(policy.applications[1]).toEqual({
      packageName: 'org.lalilo.app',
      installType: 'FORCE_INSTALLED',
      lockTaskAllowed: true,
    });
  });

  it('gives laptops the agent JSON with the same end time', () => {
    const rendered = renderSessionOverlay(input(['org.libreoffice.LibreOffice']), 'linux');
    expect(rendered.body).toEqual({
      format: 'socle.agent.session/v1',
      session: {
        id: '6d0f1c3a-2b4e-4f5a-9c8d-7e6f5a4b3c2d',
        startsAt: '2026-03-12T08:00:00.000Z',
        endsAt: '2026-03-12T09:00:00.000Z',
        classroom: 'CM1 A',
      },
      allowedApps: [{ identifier: 'org.libreoffice.LibreOffice', name: 'org.libreoffice.LibreOffice' }],
      allowedDomains: [],
    });
  });
});
