import { overlayTitle, SessionOverlayInput } from './session-overlay.types';

/** Socle's kiosk launcher for Android: the one component on the tablet that knows the session's end. */
export const SOCLE_KIOSK_PACKAGE = 'fr.socle.kiosk';
export const ANDROID_SESSION_FORMAT = 'socle.android.session-policy/v1';

/**
 * The session as Android Management API `Policy` fields, applied over the pack's base policy for
 * the session and replaced by it at the end.
 *
 * Offline safety: a `Policy` has no expiry, and a policy-set `KIOSK` app cannot leave kiosk mode by
 * itself. So the kiosk app is Socle's launcher, which receives `endsAt` in its managed
 * configuration: it shows only `allowedPackages` (which `lockTaskAllowed` lets it start pinned),
 * opens only `allowedDomains` in its own browser view, and at `endsAt` releases the tablet by its
 * own clock — home screen and apps of the base policy — even if the end never reaches it.
 */
export function buildAndroidSessionPolicy(input: SessionOverlayInput) {
  const packages = input.apps.map((app) => app.identifier);
  return {
    format: ANDROID_SESSION_FORMAT,
    endsAt: input.endsAt.toISOString(),
    policy: {
      applications: [
        {
          packageName: SOCLE_KIOSK_PACKAGE,
          installType: 'KIOSK',
          managedConfiguration: {
            sessionId: input.sessionId,
            title: overlayTitle(input),
            endsAt: input.endsAt.toISOString(),
            allowedPackages: packages,
            allowedDomains: input.domains,
            autoLaunchPackage: packages.length === 1 ? packages[0] : null,
          },
        },
        ...packages.map((packageName) => ({ packageName, installType: 'FORCE_INSTALLED', lockTaskAllowed: true })),
      ],
      kioskCustomization: {
        statusBar: 'SYSTEM_INFO_ONLY',
        systemNavigation: packages.length === 1 ? 'NAVIGATION_DISABLED' : 'HOME_BUTTON_ONLY',
        deviceSettings: 'SETTINGS_ACCESS_BLOCKED',
        powerButtonActions: 'POWER_BUTTON_AVAILABLE',
        systemErrorWarnings: 'ERROR_AND_WARNINGS_MUTED',
      },
    },
  };
}
