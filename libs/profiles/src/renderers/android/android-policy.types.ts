/**
 * The part of the Android Management API `Policy` resource Socle fills in, with Google's field names
 * (developers.google.com/android/management/reference/rest/v1/enterprises.policies). `name` and
 * `version` are left to the delivery pipeline: the first depends on the enterprise, the second is read-only.
 */
export interface AndroidPolicy {
  applications?: ApplicationPolicy[];
  statusReportingSettings: StatusReportingSettings;
  cameraAccess?: 'CAMERA_ACCESS_USER_CHOICE' | 'CAMERA_ACCESS_DISABLED';
  installAppsDisabled?: boolean;
  uninstallAppsDisabled?: boolean;
  factoryResetDisabled?: boolean;
  screenCaptureDisabled?: boolean;
  bluetoothConfigDisabled?: boolean;
  openNetworkConfiguration?: OpenNetworkConfiguration;
}

export interface ApplicationPolicy {
  packageName: string;
  installType: 'FORCE_INSTALLED';
  managedConfiguration?: Record<string, unknown>;
}

export interface StatusReportingSettings {
  applicationReportsEnabled: boolean;
  deviceSettingsEnabled: boolean;
  softwareInfoEnabled: boolean;
  memoryInfoEnabled: boolean;
  powerManagementEventsEnabled: boolean;
  hardwareStatusEnabled: boolean;
}

/** Open Network Configuration, the subset the Android Management API accepts (Wi-Fi only). */
export interface OpenNetworkConfiguration {
  NetworkConfigurations: OncNetworkConfiguration[];
}

export interface OncNetworkConfiguration {
  GUID: string;
  Name: string;
  Type: 'WiFi';
  WiFi: OncWifi;
}

export interface OncWifi {
  SSID: string;
  Security: 'None' | 'WPA-PSK';
  Passphrase?: string;
  AutoConnect: boolean;
  HiddenSSID: boolean;
}
