import type { OsFamily } from '@socle/fleet';
import { compareOsVersions, parseOsVersion } from './os-version';

export const COMPLIANCE_REASON_CODES = [
  'OS_VERSION_TOO_OLD',
  'OS_VERSION_UNKNOWN',
  'CHECKIN_OVERDUE',
  'BATTERY_HEALTH_LOW',
  'PROFILE_MISSING',
  'FILTERING_MISSING',
  'FILTERING_OUTDATED',
] as const;
export type ComplianceReasonCode = (typeof COMPLIANCE_REASON_CODES)[number];

/** Why a device is out of line: a stable code for scripts, a French sentence for people. */
export interface ComplianceReason {
  code: ComplianceReasonCode;
  message: string;
  details?: Record<string, unknown>;
}

export interface ComplianceRuleSet {
  minOsVersions: Partial<Record<OsFamily, string>>;
  maxDaysWithoutCheckin: number | null;
  minBatteryHealth: number | null;
  requiredProfiles: Array<{ id: string; name: string }>;
  requireFiltering: boolean;
}

export interface DeviceFacts {
  osFamily: OsFamily;
  osVersion: string | null;
  lastCheckinAt: Date | null;
  enrolledAt: Date | null;
  batteryHealth: number | null;
  installedProfileIds: readonly string[];
  /** What the device acknowledged, and what its pack's effective policy is now (null: no policy applies). */
  filteringInstalled: string | null;
  filteringDesired: string | null;
}

const DAY_MS = 86_400_000;

/**
 * Pure: the reasons a device breaks its collectivité's rules (none = compliant). A battery health
 * the device never reported is not held against it (many Android tablets cannot tell), but an
 * unknown OS version is: the rule cannot be shown to hold.
 */
export function evaluateCompliance(rules: ComplianceRuleSet, device: DeviceFacts, now: Date): ComplianceReason[] {
  const reasons: ComplianceReason[] = [];
  const minimum = rules.minOsVersions[device.osFamily];
  if (minimum) {
    const actual = parseOsVersion(device.osVersion);
    if (!actual) {
      reasons.push({
        code: 'OS_VERSION_UNKNOWN',
        message: `Version du système inconnue : impossible de vérifier le minimum ${minimum}.`,
        details: { minimum },
      });
    } else if (compareOsVersions(actual, parseOsVersion(minimum)!) < 0) {
      reasons.push({
        code: 'OS_VERSION_TOO_OLD',
        message: `Système ${device.osVersion} antérieur au minimum ${minimum} : mettez l'appareil à jour.`,
        details: { actual: device.osVersion, minimum },
      });
    }
  }
  const seen = device.lastCheckinAt ?? device.enrolledAt;
  if (rules.maxDaysWithoutCheckin !== null && seen) {
    const days = Math.floor((now.getTime() - seen.getTime()) / DAY_MS);
    if (days > rules.maxDaysWithoutCheckin) {
      reasons.push({
        code: 'CHECKIN_OVERDUE',
        message: `Aucun contact depuis ${days} jours (maximum ${rules.maxDaysWithoutCheckin}) : allumez l'appareil et connectez-le au Wi-Fi.`,
        details: {
          days,
          maximum: rules.maxDaysWithoutCheckin,
          lastCheckinAt: device.lastCheckinAt?.toISOString() ?? null,
        },
      });
    }
  }
  if (
    rules.minBatteryHealth !== null &&
    device.batteryHealth !== null &&
    device.batteryHealth < rules.minBatteryHealth
  ) {
    reasons.push({
      code: 'BATTERY_HEALTH_LOW',
      message: `Batterie à ${device.batteryHealth} % de sa capacité (minimum ${rules.minBatteryHealth} %) : à remplacer.`,
      details: { health: device.batteryHealth, minimum: rules.minBatteryHealth },
    });
  }
  const installed = new Set(device.installedProfileIds);
  for (const profile of rules.requiredProfiles) {
    if (!installed.has(profile.id)) {
      reasons.push({
        code: 'PROFILE_MISSING',
        message: `Profil obligatoire « ${profile.name} » absent de l'appareil.`,
        details: { profileId: profile.id },
      });
    }
  }
  if (rules.requireFiltering) {
    if (!device.filteringDesired) {
      reasons.push({
        code: 'FILTERING_MISSING',
        message:
          "Aucune politique de filtrage ne s'applique à cet appareil : affectez-en une à sa collectivité, son école ou son pack.",
      });
    } else if (!device.filteringInstalled) {
      reasons.push({
        code: 'FILTERING_MISSING',
        message: "Le filtrage n'est pas encore installé sur l'appareil (il le reçoit à sa prochaine connexion).",
      });
    } else if (device.filteringInstalled !== device.filteringDesired) {
      reasons.push({
        code: 'FILTERING_OUTDATED',
        message: "Le filtrage de l'appareil n'est pas à jour (il reçoit la nouvelle version à sa prochaine connexion).",
        details: { installed: device.filteringInstalled, expected: device.filteringDesired },
      });
    }
  }
  return reasons;
}
