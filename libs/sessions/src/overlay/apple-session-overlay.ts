import type { PlistObject } from 'plist';
import { nameBasedUuid } from '@socle/profiles';
import { overlayTitle, SessionOverlayInput, sessionIdentifier } from './session-overlay.types';

/** Safari must stay reachable when the lesson has sites but the app list would otherwise hide it. */
const SAFARI = 'com.apple.mobilesafari';
const TARGET_IPAD = 1;

/**
 * The session as an Apple configuration profile, installed with InstallProfile and removed with
 * RemoveProfile at the end. Offline safety: `RemovalDate` is the session's end, so iPadOS removes
 * the profile by itself — and with it Single App Mode and the allow-lists — even without network.
 *
 * - one app: `com.apple.app.lock` (Single App Mode on that app);
 * - several: `com.apple.applicationaccess` with `allowListedAppBundleIDs` (only these apps open)
 *   and `autonomousSingleAppModePermittedAppIDs` (they may pin themselves, e.g. for a test);
 * - sites: `com.apple.webcontent-filter`, built-in filter with `AllowListBookmarks` (only these).
 * All three need a supervised iPad, which school iPads enrolled through Apple School Manager are.
 */
export function buildAppleSessionProfile(input: SessionOverlayInput): PlistObject {
  const identifier = sessionIdentifier(input.sessionId);
  const header = (type: string, suffix: string, displayName: string) => ({
    PayloadType: type,
    PayloadIdentifier: `${identifier}.${suffix}`,
    PayloadUUID: nameBasedUuid(`session/${input.sessionId}/${suffix}`),
    PayloadVersion: 1,
    PayloadDisplayName: displayName,
  });
  const payloads: PlistObject[] = [];
  const bundleIds = input.apps.map((app) => app.identifier);
  if (bundleIds.length === 1) {
    payloads.push({
      ...header('com.apple.app.lock', 'app-lock', 'App unique de la séance'),
      App: { Identifier: bundleIds[0] },
    });
  } else if (bundleIds.length > 1) {
    const allowed = input.domains.length && !bundleIds.includes(SAFARI) ? [...bundleIds, SAFARI] : bundleIds;
    payloads.push({
      ...header('com.apple.applicationaccess', 'apps', 'Apps de la séance'),
      allowListedAppBundleIDs: allowed,
      autonomousSingleAppModePermittedAppIDs: bundleIds,
    });
  }
  if (input.domains.length) {
    payloads.push({
      ...header('com.apple.webcontent-filter', 'sites', 'Sites de la séance'),
      FilterType: 'BuiltIn',
      AllowListBookmarks: input.domains.map((domain) => ({ URL: `https://${domain}/`, Title: domain })),
    });
  }
  return {
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: identifier,
    PayloadUUID: nameBasedUuid(`session/${input.sessionId}`),
    PayloadDisplayName: overlayTitle(input),
    PayloadOrganization: input.collectivite.name,
    PayloadRemovalDisallowed: true,
    RemovalDate: input.endsAt,
    TargetDeviceType: TARGET_IPAD,
    PayloadContent: payloads,
  };
}
