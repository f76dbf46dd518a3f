import type { OsFamily } from '@socle/fleet';
import type { ProfileSigner } from '@socle/profiles';
import { renderAgentFiltering } from './agent-filtering';
import { renderAndroidFiltering } from './android-filtering';
import { renderAppleFiltering } from './apple-filtering';
import type { FilteringRenderContext, RenderedFiltering } from './rendered-filtering';

export function renderFiltering(
  context: FilteringRenderContext,
  osFamily: OsFamily,
  signer?: ProfileSigner,
): RenderedFiltering {
  switch (osFamily) {
    case 'ipados':
      return renderAppleFiltering(context, signer);
    case 'android':
      return renderAndroidFiltering(context);
    case 'windows':
    case 'chromeos':
    case 'linux':
      return renderAgentFiltering(context, osFamily);
  }
}
