import type { ProfileRestrictions } from '../profile-content';
import { warningTexts } from '../warning-texts';
import type { AndroidPolicy } from './android-policy.types';

type RestrictionFields = Pick<
  AndroidPolicy,
  | 'cameraAccess'
  | 'installAppsDisabled'
  | 'uninstallAppsDisabled'
  | 'factoryResetDisabled'
  | 'screenCaptureDisabled'
  | 'bluetoothConfigDisabled'
>;

/** `cameraAccess` rather than `cameraDisabled`, which Google has deprecated. Absent flags stay absent: the device default applies. */
export function restrictionFields(restrictions: ProfileRestrictions, warnings: string[]): RestrictionFields {
  const fields: RestrictionFields = {};
  const disabled = (allowed: boolean | undefined) => (allowed === undefined ? undefined : !allowed);
  if (restrictions.allowCamera !== undefined)
    fields.cameraAccess = restrictions.allowCamera ? 'CAMERA_ACCESS_USER_CHOICE' : 'CAMERA_ACCESS_DISABLED';
  assignDefined(fields, 'installAppsDisabled', disabled(restrictions.allowAppInstallation));
  assignDefined(fields, 'uninstallAppsDisabled', disabled(restrictions.allowAppRemoval));
  assignDefined(fields, 'factoryResetDisabled', disabled(restrictions.allowErase));
  assignDefined(fields, 'screenCaptureDisabled', disabled(restrictions.allowScreenshots));
  assignDefined(fields, 'bluetoothConfigDisabled', disabled(restrictions.allowBluetoothModification));
  if (restrictions.allowProfileRemoval === true) warnings.push(warningTexts.androidProfileRemoval());
  return fields;
}

function assignDefined<K extends keyof RestrictionFields>(
  fields: RestrictionFields,
  key: K,
  value: RestrictionFields[K] | undefined,
): void {
  if (value !== undefined) fields[key] = value;
}
