import type { OsFamily } from '@socle/fleet';
import { renderAgentProfile } from './agent/agent-renderer';
import { renderAndroidPolicy } from './android/android-renderer';
import { renderAppleProfile } from './apple/apple-renderer';
import type { ProfileContent } from './profile-content';
import type { RenderedProfile, RenderOptions } from './rendered-profile';

/** A pack has one OS family: apps catalogued for another platform are simply not part of what its devices get. */
export function renderProfile(
  content: ProfileContent,
  osFamily: OsFamily,
  options: RenderOptions = {},
): RenderedProfile {
  switch (osFamily) {
    case 'ipados':
      return renderAppleProfile(content, options);
    case 'android':
      return renderAndroidPolicy(content);
    case 'windows':
    case 'chromeos':
    case 'linux':
      return renderAgentProfile(content, osFamily);
  }
}
