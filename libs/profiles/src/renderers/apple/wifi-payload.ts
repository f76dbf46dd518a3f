import type { ProfileWifi, WifiSecurity } from '../profile-content';
import { warningTexts } from '../warning-texts';
import type { ApplePayload } from './apple-profile.types';
import { identifierToken } from '../deterministic-uuid';
import { PayloadNaming } from './payload-header';
import { definedOnly, plistText } from './plist-values';

/** Since iOS 16, 'WPA2' also joins WPA3 networks, which suits access points in transition mode. */
const ENCRYPTION_TYPE: Record<WifiSecurity, string> = {
  none: 'None',
  wpa2: 'WPA2',
  wpa3: 'WPA3',
  wpa2_enterprise: 'WPA2',
};

const EAP_PEAP = 25;
const EAP_TTLS = 21;

export function wifiPayload(naming: PayloadNaming, network: ProfileWifi, warnings: string[]): ApplePayload {
  const personal = network.security === 'wpa2' || network.security === 'wpa3';
  const enterprise = network.security === 'wpa2_enterprise';
  if (enterprise) warnings.push(warningTexts.appleEnterpriseWifi(network.ssid));
  const header = naming.header(
    'com.apple.wifi.managed',
    `wifi.${identifierToken(network.ssid)}`,
    `Wi-Fi : ${network.ssid}`,
  );
  return {
    ...header,
    ...definedOnly({
      SSID_STR: plistText(network.ssid),
      EncryptionType: ENCRYPTION_TYPE[network.security],
      Password: personal ? network.password : undefined,
      AutoJoin: network.autoJoin ?? true,
      HIDDEN_NETWORK: network.hidden ?? false,
      // The schema requires only AcceptEAPTypes; without a user name or server certificate in Socle's model, the device asks.
      EAPClientConfiguration: enterprise
        ? { AcceptEAPTypes: [EAP_PEAP, EAP_TTLS], TTLSInnerAuthentication: 'MSCHAPv2' }
        : undefined,
    }),
  } as ApplePayload;
}
