import type { ProfileApp, ProfileResource } from '../profile-content';
import type { AppleAppInstall, AppleMediaInstall } from '../rendered-profile';
import { warningTexts } from '../warning-texts';
import { identifierToken } from '../deterministic-uuid';

export function appleAppInstalls(apps: ProfileApp[]): AppleAppInstall[] {
  return apps.map((app) =>
    app.managedConfiguration
      ? { identifier: app.identifier, managedConfiguration: app.managedConfiguration }
      : { identifier: app.identifier },
  );
}

/** InstallMedia only takes books (PDF, EPUB): anything else cannot reach an iPad for offline use through MDM. */
export function appleMediaInstalls(documents: ProfileResource[], warnings: string[]): AppleMediaInstall[] {
  const installs: AppleMediaInstall[] = [];
  for (const document of documents) {
    const kind = bookKindOf(document.url);
    if (!kind) {
      warnings.push(warningTexts.appleDocumentNotBook(document.title));
      continue;
    }
    installs.push({
      title: document.title,
      url: document.url,
      kind,
      persistentId: `fr.socle.document.${identifierToken(document.url)}`,
      ...(document.checksum ? { checksum: document.checksum } : {}),
    });
  }
  return installs;
}

function bookKindOf(url: string): AppleMediaInstall['kind'] | undefined {
  const path = new URL(url).pathname.toLowerCase();
  if (path.endsWith('.pdf')) return 'pdf';
  if (path.endsWith('.epub')) return 'epub';
  return undefined;
}
