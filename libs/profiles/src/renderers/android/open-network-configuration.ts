import type { ProfileWifi } from '../profile-content';
import { warningTexts } from '../warning-texts';
import { nameBasedUuid } from '../deterministic-uuid';
import type { OncNetworkConfiguration, OpenNetworkConfiguration } from './android-policy.types';

/**
 * Enterprise networks are left out: the API rejects WPA-EAP without `DomainSuffixMatch`, and Socle
 * does not know the RADIUS server's domain yet. WPA3-Personal has no ONC value of its own.
 */
export function openNetworkConfiguration(
  profileId: string,
  networks: ProfileWifi[],
  warnings: string[],
): OpenNetworkConfiguration | undefined {
  const configurations: OncNetworkConfiguration[] = [];
  for (const network of networks) {
    if (network.security === 'wpa2_enterprise') {
      warnings.push(warningTexts.androidEnterpriseWifi(network.ssid));
      continue;
    }
    if (network.security === 'wpa3') warnings.push(warningTexts.androidWpa3(network.ssid));
    const secured = network.security !== 'none';
    configurations.push({
      // Stable across versions, so a new version updates the saved network instead of adding a twin.
      GUID: nameBasedUuid(`${profileId}/wifi/${network.ssid}`),
      Name: network.ssid,
      Type: 'WiFi',
      WiFi: {
        SSID: network.ssid,
        Security: secured ? 'WPA-PSK' : 'None',
        ...(secured ? { Passphrase: network.password } : {}),
        AutoConnect: network.autoJoin ?? true,
        HiddenSSID: network.hidden ?? false,
      },
    });
  }
  return configurations.length > 0 ? { NetworkConfigurations: configurations } : undefined;
}
