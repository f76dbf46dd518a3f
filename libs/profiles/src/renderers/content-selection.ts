import type { AppPlatform, ProfileApp, ProfileContent, ProfileResource, ProfileWifi } from './profile-content';
import { warningTexts } from './warning-texts';

/**
 * What every renderer must drop the same way: one bad entry would make a device refuse the whole
 * profile (Apple) or the API reject the whole policy (Android), so it is left out and explained.
 */
export function appsFor(content: ProfileContent, platform: AppPlatform, warnings: string[]): ProfileApp[] {
  const seen = new Set<string>();
  return content.apps.filter((app) => {
    if (app.platform !== platform) return false;
    if (seen.has(app.identifier)) {
      warnings.push(warningTexts.duplicateApp(app.identifier));
      return false;
    }
    seen.add(app.identifier);
    return true;
  });
}

export function linksOf(content: ProfileContent, warnings: string[]): ProfileResource[] {
  return usableResources(
    content.resources.filter((resource) => resource.kind !== 'document'),
    warnings,
  );
}

export function documentsOf(content: ProfileContent, warnings: string[]): ProfileResource[] {
  return usableResources(
    content.resources.filter((resource) => resource.kind === 'document'),
    warnings,
  );
}

function usableResources(resources: ProfileResource[], warnings: string[]): ProfileResource[] {
  const seen = new Set<string>();
  return resources.filter((resource) => {
    if (!isHttpUrl(resource.url)) {
      warnings.push(warningTexts.invalidUrl(resource.title));
      return false;
    }
    if (seen.has(resource.url)) {
      warnings.push(warningTexts.duplicateLink(resource.url));
      return false;
    }
    seen.add(resource.url);
    return true;
  });
}

export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

const MAX_SSID_BYTES = 32;
/** IEEE 802.11i: 8 to 63 printable ASCII characters, or the 256-bit key as 64 hex digits. WPA3 transition mode shares the rule. */
const WPA_PASSPHRASE = /^(?:[\x20-\x7e]{8,63}|[0-9a-fA-F]{64})$/;

export function usableWifi(content: ProfileContent, warnings: string[]): ProfileWifi[] {
  const seen = new Set<string>();
  return content.wifi.filter((network) => {
    if (seen.has(network.ssid)) {
      warnings.push(warningTexts.duplicateWifi(network.ssid));
      return false;
    }
    seen.add(network.ssid);
    if (Buffer.byteLength(network.ssid, 'utf8') > MAX_SSID_BYTES || network.ssid.length === 0) {
      warnings.push(warningTexts.wifiSsidLength(network.ssid));
      return false;
    }
    if (network.security === 'wpa2' || network.security === 'wpa3') {
      if (!network.password) {
        warnings.push(warningTexts.wifiPasswordMissing(network.ssid));
        return false;
      }
      if (!WPA_PASSPHRASE.test(network.password)) {
        warnings.push(warningTexts.wifiPasswordLength(network.ssid));
        return false;
      }
    }
    return true;
  });
}
