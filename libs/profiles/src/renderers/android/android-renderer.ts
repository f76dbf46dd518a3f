import { appsFor, documentsOf, linksOf, usableWifi } from '../content-selection';
import { profileFileName } from '../file-name';
import type { ProfileContent } from '../profile-content';
import type { RenderedProfile } from '../rendered-profile';
import { warningTexts } from '../warning-texts';
import type { AndroidPolicy, ApplicationPolicy } from './android-policy.types';
import { restrictionFields } from './android-restrictions';
import { CHROME_PACKAGE, chromeManagedBookmarks } from './chrome-managed-bookmarks';
import { openNetworkConfiguration } from './open-network-configuration';

export function renderAndroidPolicy(content: ProfileContent): RenderedProfile {
  const warnings: string[] = [];
  return {
    osFamily: 'android',
    contentType: 'application/json',
    body: buildAndroidPolicy(content, warnings),
    fileName: profileFileName(content, '.android-policy.json'),
    warnings,
  };
}

export function buildAndroidPolicy(content: ProfileContent, warnings: string[]): AndroidPolicy {
  const applications = applicationsOf(content, warnings);
  const network = openNetworkConfiguration(content.profileId, usableWifi(content, warnings), warnings);
  return {
    ...(applications.length > 0 ? { applications } : {}),
    // Fleet-health reports (battery, storage, OS versions) need every one of these.
    statusReportingSettings: {
      applicationReportsEnabled: true,
      deviceSettingsEnabled: true,
      softwareInfoEnabled: true,
      memoryInfoEnabled: true,
      powerManagementEventsEnabled: true,
      hardwareStatusEnabled: true,
    },
    ...restrictionFields(content.restrictions, warnings),
    ...(network ? { openNetworkConfiguration: network } : {}),
  };
}

/** Links have no home-screen form in the API without creating web apps first: they become Chrome bookmarks. */
function applicationsOf(content: ProfileContent, warnings: string[]): ApplicationPolicy[] {
  const applications: ApplicationPolicy[] = appsFor(content, 'android', warnings).map((app) => ({
    packageName: app.identifier,
    installType: 'FORCE_INSTALLED',
    ...(app.managedConfiguration ? { managedConfiguration: app.managedConfiguration } : {}),
  }));
  const documents = documentsOf(content, warnings);
  const bookmarks = chromeManagedBookmarks(content.name, linksOf(content, warnings), documents);
  if (!bookmarks) return applications;
  if (documents.length > 0) warnings.push(warningTexts.androidDocumentsOnline(documents.length));
  const chrome = applications.find((application) => application.packageName === CHROME_PACKAGE);
  if (!chrome)
    return [
      ...applications,
      {
        packageName: CHROME_PACKAGE,
        installType: 'FORCE_INSTALLED',
        managedConfiguration: { ManagedBookmarks: bookmarks },
      },
    ];
  if (chrome.managedConfiguration && 'ManagedBookmarks' in chrome.managedConfiguration)
    warnings.push(warningTexts.androidChromeBookmarksOverridden());
  chrome.managedConfiguration = { ...chrome.managedConfiguration, ManagedBookmarks: bookmarks };
  return applications;
}
