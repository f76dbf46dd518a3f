import type { androidmanagement_v1 } from '@googleapis/androidmanagement';

export const QUARANTINE_MESSAGE =
  'Tablette en attente : elle a été inscrite dans un pack déjà complet. Rapportez-la au référent numérique de la collectivité.';

/**
 * The policy of a tablet that must not join its pack (pack full, unknown token): no apps, the kiosk
 * launcher with nothing in it, the reason on the lock screen, and status reports still on so the
 * technician sees it. Typed as the client library's Policy, so a wrong field fails the build.
 */
export function quarantinePolicy(): androidmanagement_v1.Schema$Policy {
  return {
    applications: [],
    kioskCustomLauncherEnabled: true,
    deviceOwnerLockScreenInfo: { defaultMessage: QUARANTINE_MESSAGE },
    shortSupportMessage: { defaultMessage: QUARANTINE_MESSAGE },
    installAppsDisabled: true,
    addUserDisabled: true,
    statusReportingSettings: {
      softwareInfoEnabled: true,
      hardwareStatusEnabled: true,
      memoryInfoEnabled: true,
      powerManagementEventsEnabled: true,
    },
  };
}
