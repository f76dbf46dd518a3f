import { SocleError, violatedConstraint } from '@socle/core';
import { canTransition, DEVICE_EVENTS, DeviceState } from '@socle/fleet';

export const DEFAULT_TOKEN_VALIDITY_HOURS = 72;

/** A new token's terms: 72 h unless said otherwise, and as many uses as the pack has places. */
export function tokenTerms(
  request: { expiresInHours?: number; maxUses?: number },
  packCapacity: number,
  now: Date,
): { expiresAt: Date; maxUses: number } {
  return {
    expiresAt: new Date(now.getTime() + (request.expiresInHours ?? DEFAULT_TOKEN_VALIDITY_HOURS) * 3600_000),
    maxUses: request.maxUses ?? packCapacity,
  };
}

/**
 * Why a token could not be spent, told apart once the atomic spend found nothing: unknown or
 * revoked (401), expired (401), or used up (409). Each says what the technician should do.
 */
export function tokenRefusal(token: { revokedAt: Date | null; expiresAt: Date } | null, now: Date): SocleError {
  if (!token || token.revokedAt) {
    return SocleError.unauthorized(
      'TOKEN_INVALID',
      "Jeton d'inscription inconnu ou révoqué : demandez un nouveau QR code au technicien.",
    );
  }
  if (token.expiresAt <= now) {
    return SocleError.unauthorized(
      'TOKEN_EXPIRED',
      "Ce jeton d'inscription a expiré : demandez un nouveau QR code au technicien.",
    );
  }
  return SocleError.conflict(
    'TOKEN_EXHAUSTED',
    "Ce jeton d'inscription a déjà servi autant de fois que prévu : demandez-en un nouveau.",
  );
}

export const packFull = () =>
  SocleError.conflict(
    'PACK_FULL',
    'Ce pack est complet : retirez un appareil du pack ou utilisez le jeton d’un autre pack.',
  );

export function osMismatch(deviceOs: string, packOs: string): SocleError {
  return SocleError.conflict(
    'PACK_OS_MISMATCH',
    `Cet appareil (${deviceOs}) ne peut pas rejoindre un pack ${packOs} : un pack ne contient qu'un seul système.`,
  );
}

/**
 * Whether a device already known by its serial number (imported from the supplier's file, or
 * retired and taken back) may enroll into this pack: not while it is in a pack or cannot enroll
 * from its state, and only into a pack of its own OS.
 */
export function placementRefusal(
  existing: { state: DeviceState; packId: string | null; osFamily: string; serialNumber: string } | null,
  packOsFamily: string,
): SocleError | null {
  if (!existing) return null;
  if (!canTransition(existing.state, DEVICE_EVENTS.enroll.to) || existing.packId) {
    return SocleError.conflict(
      'DEVICE_ALREADY_ENROLLED',
      `L'appareil ${existing.serialNumber} est déjà inscrit : retirez-le d'abord s'il doit être réinscrit.`,
    );
  }
  if (existing.osFamily !== packOsFamily) return osMismatch(existing.osFamily, packOsFamily);
  return null;
}

/** The schema's constraints are the last word on a race; each becomes the error the code would have given. */
export function translateEnrollmentConstraint(error: unknown): unknown {
  switch (violatedConstraint(error)) {
    case 'uq_devices_pack_position':
    case 'chk_devices_pack_position':
      return packFull();
    case 'fk_devices_pack_os':
      return osMismatch('autre système', 'différent');
    case 'uq_devices_tenant_serial':
      return SocleError.conflict('DEVICE_ALREADY_ENROLLED', 'Cet appareil est en cours d’inscription ou déjà inscrit.');
    default:
      return error;
  }
}
