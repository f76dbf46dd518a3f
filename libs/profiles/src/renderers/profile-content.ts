/** One immutable profile version, as every renderer receives it: built by the profiles service from the database. */
export interface ProfileContent {
  profileId: string;
  version: number;
  name: string;
  description?: string;
  collectivite: { id: string; name: string };
  apps: ProfileApp[];
  resources: ProfileResource[];
  wifi: ProfileWifi[];
  restrictions: ProfileRestrictions;
}

export type AppPlatform = 'ipados' | 'android' | 'windows' | 'chromeos' | 'linux';

export type AppCategory =
  | 'office_suite'
  | 'spell_checker'
  | 'book_creator'
  | 'audio_video'
  | 'image'
  | 'subject_software'
  | 'resource'
  | 'other';

export interface ProfileApp {
  id: string;
  name: string;
  platform: AppPlatform;
  /** Bundle id (Apple), package name (Android), or whatever the agent installs by (winget id, flatpak ref…). */
  identifier: string;
  category: AppCategory;
  managedConfiguration?: Record<string, unknown>;
}

export type ResourceKind = 'web_clip' | 'gar_resource' | 'ent_link' | 'document';

export interface ProfileResource {
  kind: ResourceKind;
  title: string;
  url: string;
  /** SHA-256 of the file, lower-case hex; documents only. */
  checksum?: string;
}

export type WifiSecurity = 'none' | 'wpa2' | 'wpa3' | 'wpa2_enterprise';

export interface ProfileWifi {
  ssid: string;
  security: WifiSecurity;
  /** Already decrypted by the caller. */
  password?: string;
  autoJoin?: boolean;
  hidden?: boolean;
}

/** Every flag is optional: an absent flag leaves the device's default (allowed) untouched. */
export interface ProfileRestrictions {
  allowCamera?: boolean;
  allowAppInstallation?: boolean;
  allowProfileRemoval?: boolean;
  allowErase?: boolean;
  allowScreenshots?: boolean;
  allowBluetoothModification?: boolean;
  allowAppRemoval?: boolean;
}
