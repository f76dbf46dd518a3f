import { randomUUID } from 'node:crypto';
import * as plist from 'plist';

/** An MDM command as the device receives it in the body of a `/mdm/connect` answer. */
export interface MdmCommand<R extends string = string> {
  CommandUUID: string;
  Command: { RequestType: R } & Record<string, unknown>;
}

export interface CommandIdentity {
  /** The `device_commands` row id, so the device's report finds its row. A random UUID otherwise. */
  commandUuid?: string;
}

/** XML 1.0 forbids most control characters: one pasted into a lock message would make the command unreadable. */
const XML_FORBIDDEN = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlSafe(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(XML_FORBIDDEN, '');
  if (Array.isArray(value)) return value.map(xmlSafe);
  if (value && typeof value === 'object' && !(value instanceof Uint8Array) && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, xmlSafe(entry)]));
  return value;
}

function command<R extends string>(
  requestType: R,
  identity: CommandIdentity,
  keys: Record<string, unknown> = {},
): MdmCommand<R> {
  const body = Object.fromEntries(
    Object.entries(keys)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => [key, xmlSafe(value)]),
  );
  return { CommandUUID: identity.commandUuid ?? randomUUID(), Command: { RequestType: requestType, ...body } };
}

/** The XML plist body of a command (the plist library escapes every string). */
export function mdmCommandPlist(value: MdmCommand): string {
  return plist.build(value as unknown as plist.PlistValue);
}

/** `Payload` is the signed `.mobileconfig` Socle already renders. */
export function installProfileCommand(input: CommandIdentity & { profile: Buffer }) {
  return command('InstallProfile', input, { Payload: input.profile });
}

export function removeProfileCommand(input: CommandIdentity & { identifier: string }) {
  return command('RemoveProfile', input, { Identifier: input.identifier });
}

/** Apple's ManagementFlags: 1 removes the app with the MDM profile, 4 keeps its data out of backups. */
export const MANAGEMENT_FLAGS = { removeWithMdmProfile: 1, preventBackup: 4 } as const;

export type InstallApplicationInput = CommandIdentity &
  ({ appStoreId: number; manifestUrl?: never } | { manifestUrl: string; appStoreId?: never }) & {
    /** Defaults to 1: a pack that leaves Socle takes none of its managed apps with it. */
    managementFlags?: 1 | 4 | 5;
    /** 1: the licence is assigned to the device (Apps and Books for a pack, no Apple ID); 0: to a user. */
    purchaseMethod?: 0 | 1;
    /** Takes over an app the device already has, instead of failing on it. */
    takeOverExisting?: boolean;
    /** The app's managed configuration (com.apple.configuration.managed). */
    configuration?: Record<string, unknown>;
  };

export function installApplicationCommand(input: InstallApplicationInput) {
  if ((input.appStoreId === undefined) === (input.manifestUrl === undefined))
    throw new Error('InstallApplication takes either an App Store id or a manifest URL');
  if (input.appStoreId !== undefined && (!Number.isInteger(input.appStoreId) || input.appStoreId <= 0))
    throw new Error('An App Store id is a positive integer');
  if (input.manifestUrl !== undefined && !/^https:\/\//.test(input.manifestUrl))
    throw new Error('A manifest URL must be https');
  return command('InstallApplication', input, {
    iTunesStoreID: input.appStoreId,
    ManifestURL: input.manifestUrl,
    ManagementFlags: input.managementFlags ?? MANAGEMENT_FLAGS.removeWithMdmProfile,
    Options: input.appStoreId !== undefined ? { PurchaseMethod: input.purchaseMethod ?? 1 } : undefined,
    ChangeManagementState: input.takeOverExisting ? 'Managed' : undefined,
    Configuration: input.configuration,
  });
}

export function installedApplicationListCommand(
  input: CommandIdentity & { identifiers?: string[]; managedAppsOnly?: boolean } = {},
) {
  return command('InstalledApplicationList', input, {
    Identifiers: input.identifiers,
    ManagedAppsOnly: input.managedAppsOnly,
  });
}

/** A document kept on the iPad for offline use (Books): PDF or EPUB from a URL. */
export function installMediaCommand(
  input: CommandIdentity & {
    mediaUrl: string;
    kind: 'pdf' | 'epub';
    title?: string;
    author?: string;
    version?: string;
    persistentId?: string;
  },
) {
  if (!/^https:\/\//.test(input.mediaUrl)) throw new Error('A media URL must be https');
  return command('InstallMedia', input, {
    MediaType: 'Book',
    MediaURL: input.mediaUrl,
    Kind: input.kind,
    Title: input.title,
    Author: input.author,
    Version: input.version,
    PersistentID: input.persistentId,
  });
}

/** "Tablette de l'école …" and the school's number on the lock screen. */
export function deviceLockCommand(input: CommandIdentity & { message?: string; phoneNumber?: string } = {}) {
  return command('DeviceLock', input, { Message: input.message, PhoneNumber: input.phoneNumber });
}

export function eraseDeviceCommand(
  input: CommandIdentity & {
    /** iPadOS 17+: after the wipe the device joins this Wi-Fi and re-enrolls by itself. */
    returnToService?: { wifiProfile: Buffer; mdmProfile?: Buffer };
    preserveDataPlan?: boolean;
    disallowProximitySetup?: boolean;
  } = {},
) {
  return command('EraseDevice', input, {
    PreserveDataPlan: input.preserveDataPlan,
    DisallowProximitySetup: input.disallowProximitySetup,
    ReturnToService: input.returnToService
      ? {
          Enabled: true,
          WiFiProfileData: input.returnToService.wifiProfile,
          ...(input.returnToService.mdmProfile ? { MDMProfileData: input.returnToService.mdmProfile } : {}),
        }
      : undefined,
  });
}

/** What health and inventory read: battery, storage, OS, model, serial, supervision (battery health comes by DDM status). */
export const DEVICE_INFORMATION_QUERIES = [
  'UDID',
  'SerialNumber',
  'DeviceName',
  'OSVersion',
  'BuildVersion',
  'ProductName',
  'Model',
  'ModelName',
  'BatteryLevel',
  'DeviceCapacity',
  'AvailableDeviceCapacity',
  'IsSupervised',
  'IsMDMLostModeEnabled',
  'IsActivationLockEnabled',
  'WiFiMAC',
] as const;

export function deviceInformationCommand(input: CommandIdentity & { queries?: readonly string[] } = {}) {
  return command('DeviceInformation', input, { Queries: [...(input.queries ?? DEVICE_INFORMATION_QUERIES)] });
}

export function securityInfoCommand(input: CommandIdentity = {}) {
  return command('SecurityInfo', input);
}

export function profileListCommand(input: CommandIdentity & { managedOnly?: boolean } = {}) {
  return command('ProfileList', input, { ManagedOnly: input.managedOnly });
}

export function restartDeviceCommand(input: CommandIdentity = {}) {
  return command('RestartDevice', input);
}

export function shutDownDeviceCommand(input: CommandIdentity = {}) {
  return command('ShutDownDevice', input);
}

/** The UnlockToken the device gave in TokenUpdate (stored encrypted). */
export function clearPasscodeCommand(input: CommandIdentity & { unlockToken: Buffer }) {
  return command('ClearPasscode', input, { UnlockToken: input.unlockToken });
}

/** The device name, so the number on the screen matches the cart slot: "Tablette 7 — pack CM1". */
export function settingsCommand(input: CommandIdentity & { deviceName: string }) {
  if (!input.deviceName.trim()) throw new Error('A device name cannot be empty');
  return command('Settings', input, { Settings: [{ Item: 'DeviceName', DeviceName: input.deviceName }] });
}

export function deviceNameFor(slot: number, packName: string): string {
  return `Tablette ${slot} — pack ${packName}`;
}

/** Supervised devices only; Apple wants a message or a phone number. */
export function enableLostModeCommand(
  input: CommandIdentity & { message?: string; phoneNumber?: string; footnote?: string },
) {
  if (!input.message?.trim() && !input.phoneNumber?.trim())
    throw new Error('EnableLostMode needs a message or a phone number');
  return command('EnableLostMode', input, {
    Message: input.message,
    PhoneNumber: input.phoneNumber,
    Footnote: input.footnote,
  });
}

export function disableLostModeCommand(input: CommandIdentity = {}) {
  return command('DisableLostMode', input);
}

export function deviceLocationCommand(input: CommandIdentity = {}) {
  return command('DeviceLocation', input);
}

export function playLostModeSoundCommand(input: CommandIdentity = {}) {
  return command('PlayLostModeSound', input);
}

/** Tells the device to sync declarations now; `syncTokens` is the same JSON as the `tokens` endpoint. */
export function declarativeManagementCommand(input: CommandIdentity & { syncTokens?: Buffer } = {}) {
  return command('DeclarativeManagement', input, { Data: input.syncTokens });
}
