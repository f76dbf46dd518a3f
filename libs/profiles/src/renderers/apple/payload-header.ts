import type { ProfileContent } from '../profile-content';
import { nameBasedUuid } from '../deterministic-uuid';
import { plistText } from './plist-values';

/** Identifiers are per profile (so a new version replaces the old one on the device); UUIDs are per version. */
export class PayloadNaming {
  readonly profileIdentifier: string;
  private readonly versionSeed: string;

  constructor(content: ProfileContent) {
    this.profileIdentifier = `fr.socle.profile.${content.profileId}`;
    this.versionSeed = `${content.profileId}/v${content.version}`;
  }

  profileUuid(): string {
    return nameBasedUuid(this.versionSeed);
  }

  header(payloadType: string, suffix: string, displayName: string) {
    const identifier = `${this.profileIdentifier}.${suffix}`;
    return {
      PayloadType: payloadType,
      PayloadIdentifier: identifier,
      PayloadUUID: nameBasedUuid(`${this.versionSeed}/${identifier}`),
      PayloadVersion: 1,
      PayloadDisplayName: plistText(displayName),
    };
  }
}
