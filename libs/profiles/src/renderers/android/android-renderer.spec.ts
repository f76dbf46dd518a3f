import { emptyProfileContent, sampleProfileContent } from '@test-support/profile-content-fixtures';
import type { AndroidPolicy } from './android-policy.types';
import { renderAndroidPolicy } from './android-renderer';

/** Fields of the Policy resource as Google documents them (enterprises.policies), the ones Socle could plausibly set. */
const DOCUMENTED_POLICY_FIELDS = [
  'name',
  'version',
  'applications',
  'maximumTimeToLock',
  'screenCaptureDisabled',
  'cameraDisabled',
  'cameraAccess',
  'keyguardDisabledFeatures',
  'defaultPermissionPolicy',
  'persistentPreferredActivities',
  'openNetworkConfiguration',
  'systemUpdate',
  'accountTypesWithManagementDisabled',
  'addUserDisabled',
  'adjustVolumeDisabled',
  'factoryResetDisabled',
  'installAppsDisabled',
  'mountPhysicalMediaDisabled',
  'modifyAccountsDisabled',
  'safeBootDisabled',
  'uninstallAppsDisabled',
  'statusBarDisabled',
  'keyguardDisabled',
  'minimumApiLevel',
  'statusReportingSettings',
  'bluetoothContactSharingDisabled',
  'shortSupportMessage',
  'longSupportMessage',
  'passwordRequirements',
  'wifiConfigsLockdownEnabled',
  'bluetoothConfigDisabled',
  'cellBroadcastsConfigDisabled',
  'credentialsConfigDisabled',
  'mobileNetworksConfigDisabled',
  'tetheringConfigDisabled',
  'vpnConfigDisabled',
  'wifiConfigDisabled',
  'createWindowsDisabled',
  'networkResetDisabled',
  'outgoingBeamDisabled',
  'outgoingCallsDisabled',
  'removeUserDisabled',
  'shareLocationDisabled',
  'smsDisabled',
  'unmuteMicrophoneDisabled',
  'usbFileTransferDisabled',
  'ensureVerifyAppsEnabled',
  'permittedInputMethods',
  'stayOnPluggedModes',
  'recommendedGlobalProxy',
  'setUserIconDisabled',
  'setWallpaperDisabled',
  'choosePrivateKeyRules',
  'alwaysOnVpnPackage',
  'frpAdminEmails',
  'deviceOwnerLockScreenInfo',
  'dataRoamingDisabled',
  'locationMode',
  'networkEscapeHatchEnabled',
  'bluetoothDisabled',
  'complianceRules',
  'blockApplicationsEnabled',
  'installUnknownSourcesAllowed',
  'debuggingFeaturesAllowed',
  'funDisabled',
  'autoTimeRequired',
  'permissionGrants',
  'oncCertificateProviders',
  'kioskCustomLauncherEnabled',
  'kioskCustomization',
  'advancedSecurityOverrides',
  'personalUsagePolicies',
  'autoDateAndTimeZone',
  'crossProfilePolicies',
  'preferentialNetworkService',
  'usageLog',
  'microphoneAccess',
  'deviceConnectivityManagement',
  'deviceRadioState',
  'displaySettings',
  'playStoreMode',
  'policyEnforcementRules',
  'appAutoUpdatePolicy',
  'skipFirstUseHintsEnabled',
  'privateKeySelectionEnabled',
  'encryptionPolicy',
  'printingPolicy',
  'assistContentPolicy',
];
const APPLICATION_POLICY_FIELDS = [
  'packageName',
  'installType',
  'managedConfiguration',
  'lockTaskAllowed',
  'defaultPermissionPolicy',
  'permissionGrants',
  'disabled',
  'minimumVersionCode',
  'delegatedScopes',
  'autoUpdateMode',
  'connectedWorkAndPersonalApp',
];
const STATUS_REPORTING_FIELDS = [
  'applicationReportsEnabled',
  'deviceSettingsEnabled',
  'softwareInfoEnabled',
  'memoryInfoEnabled',
  'networkInfoEnabled',
  'displayInfoEnabled',
  'powerManagementEventsEnabled',
  'hardwareStatusEnabled',
  'systemPropertiesEnabled',
  'applicationReportingSettings',
  'commonCriteriaModeEnabled',
];
const ONC_NETWORK_FIELDS = ['GUID', 'Name', 'Type', 'WiFi', 'ProxySettings'];
const ONC_WIFI_FIELDS = [
  'SSID',
  'HexSSID',
  'HiddenSSID',
  'AutoConnect',
  'Security',
  'Passphrase',
  'EAP',
  'MACAddressRandomizationMode',
];

function policyOf(content = sampleProfileContent()): { policy: AndroidPolicy; warnings: string[] } {
  const rendered = renderAndroidPolicy(content);
  // What the API receives is JSON: anything undefined or non-serialisable would vanish or break here.
  return { policy: JSON.parse(JSON.stringify(rendered.body)) as AndroidPolicy, warnings: rendered.warnings };
}

describe('Android Management API policy', () => {
  it('uses only documented Policy fields, at every level', () => {
    const { policy } = policyOf();
    expect(Object.keys(policy).filter((key) => !DOCUMENTED_POLICY_FIELDS.includes(key))).toEqual([]);
    for (const application of policy.applications ?? []) {
      expect(Object.keys(application).filter((key) => !APPLICATION_POLICY_FIELDS.includes(key))).toEqual([]);
    }
    expect(Object.keys(policy.statusReportingSettings).filter((key) => !STATUS_REPORTING_FIELDS.includes(key))).toEqual(
      [],
    );
    expect(Object.keys(policy.openNetworkConfiguration ?? {})).toEqual(['NetworkConfigurations']);
    for (const network of policy.openNetworkConfiguration?.NetworkConfigurations ?? []) {
      expect(Object.keys(network).filter((key) => !ONC_NETWORK_FIELDS.includes(key))).toEqual([]);
      expect(Object.keys(network.WiFi).filter((key) => !ONC_WIFI_FIELDS.includes(key))).toEqual([]);
    }
  });

  it('force-installs the Android apps of the catalogue with their managed configuration, and only those', () => {
    const { policy } = policyOf();
    expect(policy.applications?.slice(0, 2)).toEqual([
      { packageName: 'net.gcompris.full', installType: 'FORCE_INSTALLED' },
      { packageName: 'fr.example.correcteur', installType: 'FORCE_INSTALLED', managedConfiguration: { langue: 'fr' } },
    ]);
    expect(JSON.stringify(policy)).not.toMatch(/com\.apple|LibreOffice|Audacity/);
  });

  it('reports everything fleet health needs', () => {
    expect(policyOf(emptyProfileContent()).policy.statusReportingSettings).toEqual({
      applicationReportsEnabled: true,
      deviceSettingsEnabled: true,
      softwareInfoEnabled: true,
      memoryInfoEnabled: true,
      powerManagementEventsEnabled: true,
      hardwareStatusEnabled: true,
    });
  });

  it('turns restrictions into the matching policy switches', () => {
    const { policy, warnings } = policyOf();
    expect(policy).toMatchObject({
      cameraAccess: 'CAMERA_ACCESS_USER_CHOICE',
      installAppsDisabled: true,
      uninstallAppsDisabled: true,
      factoryResetDisabled: true,
      screenCaptureDisabled: true,
      bluetoothConfigDisabled: true,
    });
    expect(policy).not.toHaveProperty('cameraDisabled');
    expect(warnings.join(' ')).not.toContain('retrait du profil');

    const camera = policyOf(emptyProfileContent({ restrictions: { allowCamera: false, allowProfileRemoval: true } }));
    expect(camera.policy.cameraAccess).toBe('CAMERA_ACCESS_DISABLED');
    expect(camera.policy).not.toHaveProperty('installAppsDisabled');
    expect(camera.warnings).toContainEqual(expect.stringContaining('retrait du profil'));
  });

  it('declares personal and open Wi-Fi networks in Open Network Configuration, and skips enterprise ones with a warning', () => {
    const { policy, warnings } = policyOf();
    const networks = policy.openNetworkConfiguration?.NetworkConfigurations ?? [];
    expect(networks.map(({ Name, Type, WiFi }) => ({ Name, Type, WiFi }))).toEqual([
      {
        Name: 'ECOLE-PEDAGO',
        Type: 'WiFi',
        WiFi: {
          SSID: 'ECOLE-PEDAGO',
          Security: 'WPA-PSK',
          Passphrase: 'motdepasse-long-1',
          AutoConnect: true,
          HiddenSSID: false,
        },
      },
      {
        Name: 'ECOLE-WPA3',
        Type: 'WiFi',
        WiFi: {
          SSID: 'ECOLE-WPA3',
          Security: 'WPA-PSK',
          Passphrase: 'encore-plus-long-2',
          AutoConnect: true,
          HiddenSSID: true,
        },
      },
      {
        Name: 'ECOLE-INVITES',
        Type: 'WiFi',
        WiFi: { SSID: 'ECOLE-INVITES', Security: 'None', AutoConnect: false, HiddenSSID: false },
      },
    ]);
    expect(warnings).toContainEqual(expect.stringContaining('« ECOLE-RADIUS » (WPA2 Entreprise)'));
    expect(warnings).toContainEqual(expect.stringContaining('« ECOLE-WPA3 » (WPA3)'));
  });

  it('keeps each network GUID across versions and apart between networks', () => {
    const guids = (version: number) =>
      policyOf(sampleProfileContent({ version })).policy.openNetworkConfiguration?.NetworkConfigurations.map(
        (network) => network.GUID,
      );
    const current = guids(3) ?? [];
    expect(guids(4)).toEqual(current);
    expect(new Set(current).size).toBe(3);
  });

  it('omits the network configuration when there is no usable network', () => {
    expect(
      policyOf(emptyProfileContent({ wifi: [{ ssid: 'RADIUS', security: 'wpa2_enterprise' }] })).policy,
    ).not.toHaveProperty('openNetworkConfiguration');
  });

  it('gives links and documents to Chrome as managed bookmarks', () => {
    const { policy, warnings } = policyOf();
    const chrome = policy.applications?.find((application) => application.packageName === 'com.android.chrome');
    expect(chrome?.installType).toBe('FORCE_INSTALLED');
    const bookmarks = JSON.parse(chrome?.managedConfiguration?.ManagedBookmarks as string);
    expect(bookmarks).toEqual([
      { toplevel_name: 'Cycle 3 — CM1/CM2' },
      { name: 'Lire & écrire <vite> "ensemble"', url: 'https://lecture.example.fr/?classe=cm1&niveau=2' },
      { name: 'Manuel numérique (GAR)', url: 'https://gar.education.fr/ressource/123' },
      { name: 'ENT de l’école', url: 'https://ent.example.fr/' },
      {
        name: 'Documents',
        children: [
          { name: 'Règlement intérieur', url: 'https://docs.example.fr/reglement.pdf' },
          { name: 'Album de classe', url: 'https://docs.example.fr/album.epub' },
          { name: 'Tableur des sorties', url: 'https://docs.example.fr/sorties.xlsx' },
        ],
      },
    ]);
    expect(warnings).toContainEqual(expect.stringContaining('3 document(s)'));
  });

  it('adds the bookmarks to a Chrome already in the catalogue instead of declaring it twice', () => {
    const content = sampleProfileContent({
      apps: [
        {
          id: 'c',
          name: 'Chrome',
          platform: 'android',
          identifier: 'com.android.chrome',
          category: 'other',
          managedConfiguration: { IncognitoModeAvailability: 1, ManagedBookmarks: '[]' },
        },
      ],
    });
    const { policy, warnings } = policyOf(content);
    const chromes =
      policy.applications?.filter((application) => application.packageName === 'com.android.chrome') ?? [];
    expect(chromes).toHaveLength(1);
    expect(chromes[0].managedConfiguration?.IncognitoModeAvailability).toBe(1);
    expect(JSON.parse(chromes[0].managedConfiguration?.ManagedBookmarks as string)).toHaveLength(5);
    expect(warnings).toContainEqual(expect.stringContaining('ManagedBookmarks'));
  });

  it('declares no Chrome and no application list for a profile without apps or resources', () => {
    expect(policyOf(emptyProfileContent()).policy).not.toHaveProperty('applications');
  });
});
