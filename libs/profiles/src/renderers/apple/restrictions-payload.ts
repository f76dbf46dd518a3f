import type { ProfileRestrictions } from '../profile-content';
import { warningTexts } from '../warning-texts';
import type { ApplePayload } from './apple-profile.types';
import { PayloadNaming } from './payload-header';

interface RestrictionMapping {
  ours: keyof ProfileRestrictions;
  apple: string;
  /** Label for the technician when the key only works on a supervised iPad (per Apple's schema). */
  supervisedOnly?: string;
}

const MAPPINGS: RestrictionMapping[] = [
  { ours: 'allowCamera', apple: 'allowCamera' },
  { ours: 'allowScreenshots', apple: 'allowScreenShot' },
  {
    ours: 'allowAppInstallation',
    apple: 'allowAppInstallation',
    supervisedOnly: 'l’interdiction d’installer des apps',
  },
  { ours: 'allowAppRemoval', apple: 'allowAppRemoval', supervisedOnly: 'l’interdiction de supprimer des apps' },
  { ours: 'allowErase', apple: 'allowEraseContentAndSettings', supervisedOnly: 'l’interdiction d’effacer l’iPad' },
  {
    ours: 'allowBluetoothModification',
    apple: 'allowBluetoothModification',
    supervisedOnly: 'le verrouillage des réglages Bluetooth',
  },
];

const PROFILE_REMOVAL_LABEL = 'l’interdiction de retirer le profil';

/** Undefined when no restriction is set: an empty restrictions payload would still show up in Settings. */
export function restrictionsPayload(
  naming: PayloadNaming,
  restrictions: ProfileRestrictions,
  warnings: string[],
): ApplePayload | undefined {
  const keys: Record<string, boolean> = {};
  const needSupervision: string[] = [];
  for (const mapping of MAPPINGS) {
    const value = restrictions[mapping.ours];
    if (value === undefined) continue;
    keys[mapping.apple] = value;
    if (!value && mapping.supervisedOnly) needSupervision.push(mapping.supervisedOnly);
  }
  if (restrictions.allowProfileRemoval === false) needSupervision.push(PROFILE_REMOVAL_LABEL);
  if (needSupervision.length > 0) warnings.push(warningTexts.appleSupervisedOnly(needSupervision));
  if (Object.keys(keys).length === 0) return undefined;
  return { ...naming.header('com.apple.applicationaccess', 'restrictions', 'Restrictions'), ...keys };
}
