import type { androidmanagement_v1 } from '@googleapis/androidmanagement';

export interface NonComplianceMessage {
  /** Google's reason, kept as a stable code (`APP_NOT_INSTALLED`, …). */
  code: string;
  setting: string | null;
  packageName: string | null;
  /** What the technician reads, in French. */
  message: string;
}

const REASONS: Record<string, string> = {
  API_LEVEL: "la version d'Android de la tablette est trop ancienne pour ce réglage",
  MANAGEMENT_MODE: 'ce réglage ne s’applique pas à une tablette gérée de cette façon',
  USER_ACTION: 'une action est attendue sur la tablette (ouvrez-la et suivez le message affiché)',
  INVALID_VALUE: 'la valeur envoyée est refusée par la tablette',
  APP_NOT_INSTALLED: "l'application n'est pas installée",
  UNSUPPORTED: "ce réglage n'est pas pris en charge par cette tablette",
  APP_INSTALLED: "l'application est installée alors qu'elle devrait être absente",
  PENDING: "le réglage n'est pas encore appliqué (la tablette va le recevoir)",
  APP_INCOMPATIBLE: "l'application n'est pas compatible avec cette tablette",
  APP_NOT_UPDATED: "l'application n'est pas à jour",
  DEVICE_INCOMPATIBLE: "la tablette n'est pas compatible avec ce réglage",
};

const INSTALL_FAILURES: Record<string, string> = {
  INSTALLATION_FAILURE_REASON_UNKNOWN: 'cause inconnue',
  IN_PROGRESS: 'installation en cours',
  NOT_FOUND: "l'application est introuvable sur Google Play",
  NOT_COMPATIBLE_WITH_DEVICE: "l'application n'est pas compatible avec ce modèle",
  NOT_APPROVED: "l'application n'est pas approuvée dans Google Play d'entreprise",
  PERMISSIONS_NOT_ACCEPTED: "de nouvelles autorisations de l'application attendent d'être acceptées",
  NOT_AVAILABLE_IN_COUNTRY: "l'application n'est pas disponible en France",
  NO_LICENSES_REMAINING: "plus aucune licence de l'application n'est disponible",
  NOT_ENROLLED: "la tablette n'est plus inscrite",
  USER_INVALID: "le compte Google Play de la tablette n'est plus valable",
  NETWORK_ERROR_UNRELIABLE_CONNECTION: 'la connexion réseau de la tablette est trop instable',
  INSUFFICIENT_STORAGE: 'le stockage de la tablette est plein',
};

/** Google's non-compliance details as sentences a technician can act on. */
export function nonComplianceMessages(
  details: androidmanagement_v1.Schema$NonComplianceDetail[] | undefined | null,
): NonComplianceMessage[] {
  return (details ?? []).map((detail) => {
    const code = detail.nonComplianceReason ?? 'NON_COMPLIANCE_REASON_UNSPECIFIED';
    const what = detail.packageName
      ? `Application ${detail.packageName}`
      : `Réglage « ${detail.fieldPath ?? detail.settingName ?? 'inconnu'} »`;
    const reason = REASONS[code] ?? 'non conforme à la stratégie du pack';
    const failure = detail.installationFailureReason ? INSTALL_FAILURES[detail.installationFailureReason] : undefined;
    return {
      code,
      setting: detail.settingName ?? null,
      packageName: detail.packageName ?? null,
      message: `${what} : ${reason}${failure ? ` (${failure})` : ''}.`,
    };
  });
}
