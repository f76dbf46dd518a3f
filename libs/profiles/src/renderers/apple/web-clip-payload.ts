import type { ProfileResource } from '../profile-content';
import type { ApplePayload } from './apple-profile.types';
import { identifierToken } from '../deterministic-uuid';
import { PayloadNaming } from './payload-header';
import { plistText } from './plist-values';

/** A GAR resource, an ENT link and a plain web clip all become a Home Screen icon the pupils cannot delete. */
export function webClipPayload(naming: PayloadNaming, link: ProfileResource): ApplePayload {
  const label = plistText(link.title).trim() || new URL(link.url).hostname;
  return {
    ...naming.header('com.apple.webClip.managed', `webclip.${identifierToken(link.url)}`, `Lien : ${label}`),
    Label: label,
    URL: plistText(link.url),
    IsRemovable: false,
    FullScreen: false,
  };
}
