import { appsFor, documentsOf, linksOf, usableWifi } from '../content-selection';
import type { ProfileContent } from '../profile-content';
import type { AppleAppInstall, AppleMediaInstall } from '../rendered-profile';
import type { AppleConfigurationProfile, ApplePayload } from './apple-profile.types';
import { appleAppInstalls, appleMediaInstalls } from './apple-installs';
import { PayloadNaming } from './payload-header';
import { definedOnly, plistText } from './plist-values';
import { restrictionsPayload } from './restrictions-payload';
import { webClipPayload } from './web-clip-payload';
import { wifiPayload } from './wifi-payload';

export interface AppleProfileBuild {
  profile: AppleConfigurationProfile;
  appInstalls: AppleAppInstall[];
  mediaInstalls: AppleMediaInstall[];
  warnings: string[];
}

/** iPhone/iPad: keeps a technician from installing a tablet profile on a Mac by mistake. */
const TARGET_IPAD = 1;

export function buildAppleProfile(content: ProfileContent): AppleProfileBuild {
  const warnings: string[] = [];
  const naming = new PayloadNaming(content);
  const restrictions = restrictionsPayload(naming, content.restrictions, warnings);
  const payloads: ApplePayload[] = [
    ...linksOf(content, warnings).map((link) => webClipPayload(naming, link)),
    ...usableWifi(content, warnings).map((network) => wifiPayload(naming, network, warnings)),
    ...(restrictions ? [restrictions] : []),
  ];
  const removalAllowed = content.restrictions.allowProfileRemoval;
  const profile = definedOnly({
    PayloadType: 'Configuration',
    PayloadVersion: 1,
    PayloadIdentifier: naming.profileIdentifier,
    PayloadUUID: naming.profileUuid(),
    PayloadDisplayName: plistText(content.name),
    PayloadDescription: content.description ? plistText(content.description) : undefined,
    PayloadOrganization: plistText(content.collectivite.name),
    PayloadRemovalDisallowed: removalAllowed === undefined ? undefined : !removalAllowed,
    TargetDeviceType: TARGET_IPAD,
    PayloadContent: payloads,
  }) as AppleConfigurationProfile;
  return {
    profile,
    appInstalls: appleAppInstalls(appsFor(content, 'ipados', warnings)),
    mediaInstalls: appleMediaInstalls(documentsOf(content, warnings), warnings),
    warnings,
  };
}

export function applePayloadsOf(profile: AppleConfigurationProfile): readonly ApplePayload[] {
  return profile.PayloadContent;
}
