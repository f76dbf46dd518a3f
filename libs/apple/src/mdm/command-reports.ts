import { AppleSchemaFiles } from '../schema/apple-schema-files';
import { validateAppleKeys } from '../schema/apple-keys-validator';
import { withoutUndefined } from './checkin-messages';
import { plistDictionaryOf } from './plist-body';

/** One entry of an ErrorChain, kept for the technician. */
export interface MdmErrorChainItem {
  errorCode?: number;
  errorDomain?: string;
  localizedDescription?: string;
  usEnglishDescription?: string;
}

/** What a device sends to `PUT /mdm/connect`. */
export type CommandReport =
  | { status: 'Idle'; udid: string }
  | {
      status: 'Acknowledged' | 'Error' | 'CommandFormatError' | 'NotNow';
      udid: string;
      commandUuid: string;
      /** Present from iOS 17 on; otherwise the caller knows it from the command it sent. */
      requestType?: string;
      errorChain?: MdmErrorChainItem[];
      /** Every other key: the command's response (QueryResponses, SecurityInfo, ProfileList…). */
      payload: Record<string, unknown>;
    };

export class CommandReportError extends Error {
  readonly code = 'MDM_REPORT_INVALID';
}

const STATUSES = new Set(['Idle', 'Acknowledged', 'Error', 'CommandFormatError', 'NotNow']);
const ENVELOPE_KEYS = new Set(['UDID', 'Status', 'CommandUUID', 'RequestType', 'ErrorChain', 'EnrollmentID']);

export function parseCommandReport(body: Buffer | string): CommandReport {
  const report = plistDictionaryOf(body);
  const { UDID: udid, Status: status, CommandUUID: commandUuid } = report;
  if (typeof udid !== 'string' || !udid) throw new CommandReportError('Rapport MDM sans UDID.');
  if (typeof status !== 'string' || !STATUSES.has(status))
    throw new CommandReportError(`Statut de commande inconnu : ${String(status)}.`);
  if ('UserID' in report || 'EnrollmentUserID' in report)
    throw new CommandReportError('Les rapports du canal utilisateur ne sont pas gérés.');
  if (status === 'Idle') return { status, udid };
  if (typeof commandUuid !== 'string' || !commandUuid)
    throw new CommandReportError(`Rapport ${status} sans CommandUUID.`);
  const payload = Object.fromEntries(Object.entries(report).filter(([key]) => !ENVELOPE_KEYS.has(key)));
  return withoutUndefined({
    status: status as 'Acknowledged' | 'Error' | 'CommandFormatError' | 'NotNow',
    udid,
    commandUuid,
    requestType: typeof report.RequestType === 'string' ? report.RequestType : undefined,
    errorChain: Array.isArray(report.ErrorChain) ? report.ErrorChain.map(errorChainItem) : undefined,
    payload,
  });
}

function errorChainItem(item: any): MdmErrorChainItem {
  return withoutUndefined({
    errorCode: Number.isInteger(item?.ErrorCode) ? item.ErrorCode : undefined,
    errorDomain: typeof item?.ErrorDomain === 'string' ? item.ErrorDomain : undefined,
    localizedDescription: typeof item?.LocalizedDescription === 'string' ? item.LocalizedDescription : undefined,
    usEnglishDescription: typeof item?.USEnglishDescription === 'string' ? item.USEnglishDescription : undefined,
  });
}

/** The part of DeviceInformation's QueryResponses that health and inventory use. */
export interface DeviceInformation {
  udid?: string;
  serialNumber?: string;
  deviceName?: string;
  osVersion?: string;
  buildVersion?: string;
  productName?: string;
  model?: string;
  modelName?: string;
  /** 0.0–1.0. */
  batteryLevel?: number;
  /** Gigabytes, as the device reports. */
  deviceCapacity?: number;
  availableDeviceCapacity?: number;
  isSupervised?: boolean;
  isLostModeEnabled?: boolean;
  isActivationLockEnabled?: boolean;
  wifiMac?: string;
}

export interface SecurityInformation {
  passcodePresent?: boolean;
  passcodeCompliant?: boolean;
  passcodeCompliantWithProfiles?: boolean;
  hardwareEncryptionCaps?: number;
  enrolledViaDep?: boolean;
  userApprovedEnrollment?: boolean;
}

export interface InstalledProfile {
  identifier: string;
  uuid: string;
  displayName?: string;
  version?: number;
  isManaged?: boolean;
  isEncrypted?: boolean;
  hasRemovalPasscode?: boolean;
}

export interface InstalledApplication {
  identifier: string;
  name?: string;
  version?: string;
  shortVersion?: string;
  bundleSize?: number;
  installing?: boolean;
}

export class CommandResponseError extends Error {
  readonly code = 'MDM_RESPONSE_INVALID';
}

type Acknowledged = Extract<CommandReport, { payload: unknown }>;

/** Checks an acknowledged response against the command's `responsekeys` (newer keys let through). */
function checkedResponse(report: Acknowledged, requestType: string, specsDir: string): Record<string, any> {
  const schema = AppleSchemaFiles.open(specsDir).required('mdm/commands', requestType);
  const problems = validateAppleKeys(report.payload, schema.responseKeys ?? [], { allowUnknownKeys: true });
  if (problems.length)
    throw new CommandResponseError(
      `Réponse ${requestType} invalide : ${problems.map((problem) => `${problem.path} (${problem.message})`).join(', ')}.`,
    );
  return report.payload;
}

export function deviceInformationOf(report: Acknowledged, specsDir: string): DeviceInformation {
  const q = checkedResponse(report, 'DeviceInformation', specsDir).QueryResponses;
  return withoutUndefined({
    udid: q.UDID,
    serialNumber: q.SerialNumber,
    deviceName: q.DeviceName,
    osVersion: q.OSVersion,
    buildVersion: q.BuildVersion,
    productName: q.ProductName,
    model: q.Model,
    modelName: q.ModelName,
    batteryLevel: q.BatteryLevel,
    deviceCapacity: q.DeviceCapacity,
    availableDeviceCapacity: q.AvailableDeviceCapacity,
    isSupervised: q.IsSupervised,
    isLostModeEnabled: q.IsMDMLostModeEnabled,
    isActivationLockEnabled: q.IsActivationLockEnabled,
    wifiMac: q.WiFiMAC,
  });
}

export function securityInformationOf(report: Acknowledged, specsDir: string): SecurityInformation {
  const info = checkedResponse(report, 'SecurityInfo', specsDir).SecurityInfo;
  return withoutUndefined({
    passcodePresent: info.PasscodePresent,
    passcodeCompliant: info.PasscodeCompliant,
    passcodeCompliantWithProfiles: info.PasscodeCompliantWithProfiles,
    hardwareEncryptionCaps: info.HardwareEncryptionCaps,
    enrolledViaDep: info.ManagementStatus?.EnrolledViaDEP,
    userApprovedEnrollment: info.ManagementStatus?.UserApprovedEnrollment,
  });
}

export function profileListOf(report: Acknowledged, specsDir: string): InstalledProfile[] {
  return (checkedResponse(report, 'ProfileList', specsDir).ProfileList as any[]).map((item) =>
    withoutUndefined({
      identifier: item.PayloadIdentifier,
      uuid: item.PayloadUUID,
      displayName: item.PayloadDisplayName,
      version: item.PayloadVersion,
      isManaged: item.IsManaged,
      isEncrypted: item.IsEncrypted,
      hasRemovalPasscode: item.HasRemovalPasscode,
    }),
  );
}

export function installedApplicationsOf(report: Acknowledged, specsDir: string): InstalledApplication[] {
  return (checkedResponse(report, 'InstalledApplicationList', specsDir).InstalledApplicationList as any[]).map((item) =>
    withoutUndefined({
      identifier: item.Identifier,
      name: item.Name,
      version: item.Version,
      shortVersion: item.ShortVersion,
      bundleSize: item.BundleSize,
      installing: item.Installing,
    }),
  );
}
