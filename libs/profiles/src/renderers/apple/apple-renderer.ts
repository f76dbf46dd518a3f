import * as plist from 'plist';
import { profileFileName } from '../file-name';
import type { ProfileContent } from '../profile-content';
import type { RenderedProfile, RenderOptions } from '../rendered-profile';
import { warningTexts } from '../warning-texts';
import { buildAppleProfile } from './apple-profile-builder';
import { signedData } from './cms-signed-data';

export const APPLE_PROFILE_CONTENT_TYPE = 'application/x-apple-aspen-config';

export function renderAppleProfile(content: ProfileContent, options: RenderOptions = {}): RenderedProfile {
  const build = buildAppleProfile(content);
  const xml = Buffer.from(plist.build(build.profile), 'utf8');
  const warnings = [...build.warnings];
  if (!options.signer) warnings.push(warningTexts.unsignedProfile());
  return {
    osFamily: 'ipados',
    contentType: APPLE_PROFILE_CONTENT_TYPE,
    body: options.signer ? signedData(xml, options.signer, wholeSeconds(options.signingTime ?? new Date())) : xml,
    fileName: profileFileName(content, '.mobileconfig'),
    warnings,
    appleAppInstalls: build.appInstalls,
    appleMediaInstalls: build.mediaInstalls,
  };
}

/** UTCTime carries no fractions: dropping them here keeps what is signed equal to what was asked. */
function wholeSeconds(date: Date): Date {
  return new Date(Math.floor(date.getTime() / 1000) * 1000);
}
