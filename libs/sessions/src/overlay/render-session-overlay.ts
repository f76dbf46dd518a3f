import * as plist from 'plist';
import type { OsFamily } from '@socle/fleet';
import { APPLE_PROFILE_CONTENT_TYPE, ProfileSigner, signedData } from '@socle/profiles';
import { buildAgentSessionOverlay } from './agent-session-overlay';
import { buildAndroidSessionPolicy } from './android-session-overlay';
import { buildAppleSessionProfile } from './apple-session-overlay';
import { RenderedOverlay, SessionOverlayInput, sessionIdentifier } from './session-overlay.types';

/** One overlay per OS family; Apple's is signed by the collectivité's CA like its profiles. */
export function renderSessionOverlay(
  input: SessionOverlayInput,
  osFamily: OsFamily,
  signer?: ProfileSigner,
): RenderedOverlay {
  const identifier = sessionIdentifier(input.sessionId);
  switch (osFamily) {
    case 'ipados': {
      const xml = Buffer.from(plist.build(buildAppleSessionProfile(input)), 'utf8');
      const body = signer ? signedData(xml, signer, new Date(Math.floor(Date.now() / 1000) * 1000)) : xml;
      return {
        osFamily,
        identifier,
        contentType: APPLE_PROFILE_CONTENT_TYPE,
        encoding: 'base64',
        body: body.toString('base64'),
      };
    }
    case 'android':
      return {
        osFamily,
        identifier,
        contentType: 'application/json',
        encoding: 'json',
        body: buildAndroidSessionPolicy(input),
      };
    case 'windows':
    case 'chromeos':
    case 'linux':
      return {
        osFamily,
        identifier,
        contentType: 'application/json',
        encoding: 'json',
        body: buildAgentSessionOverlay(input),
      };
  }
}
