import type { androidmanagement_v1 } from '@googleapis/androidmanagement';

/** One AMAPI policy per pack: what the pack's enrollment tokens name, so a new tablet gets the pack's profile at once. */
export function packPolicyName(enterpriseName: string, packId: string): string {
  return `${enterpriseName}/policies/pack-${packId}`;
}

/** Where a tablet over its pack's capacity (or of an unknown token) is parked. */
export function quarantinePolicyName(enterpriseName: string): string {
  return `${enterpriseName}/policies/quarantine`;
}

export interface PackTokenRequest {
  enterpriseName: string;
  packId: string;
  /** Socle's own enrollment token, so the enrolled device is traced to it. */
  socleTokenId?: string;
  expiresAt: Date;
  maxUses: number;
  now?: Date;
}

/** What Socle puts in `additionalData`; Google hands it back as `Device.enrollmentTokenData`. */
export interface EnrollmentTokenData {
  packId: string;
  socleTokenId?: string;
}

const MIN_DURATION_SECONDS = 60;

export function enrollmentTokenRequest(request: PackTokenRequest): androidmanagement_v1.Schema$EnrollmentToken {
  const now = request.now ?? new Date();
  const seconds = Math.max(MIN_DURATION_SECONDS, Math.ceil((request.expiresAt.getTime() - now.getTime()) / 1000));
  const data: EnrollmentTokenData = { packId: request.packId, socleTokenId: request.socleTokenId };
  return {
    policyName: packPolicyName(request.enterpriseName, request.packId),
    duration: `${seconds}s`,
    // AMAPI has no use count: one use maps to oneTimeOnly, more are bounded by the pack's capacity in Socle.
    oneTimeOnly: request.maxUses === 1,
    allowPersonalUsage: 'PERSONAL_USAGE_DISALLOWED',
    additionalData: JSON.stringify(data),
  };
}

/** The pack (and Socle token) an enrolled device came with, or null when it was not enrolled by Socle. */
export function parseEnrollmentTokenData(raw: string | null | undefined): EnrollmentTokenData | null {
  if (!raw) return null;
  try {
    const data = JSON.parse(raw);
    if (typeof data?.packId !== 'string' || !data.packId) return null;
    return { packId: data.packId, socleTokenId: typeof data.socleTokenId === 'string' ? data.socleTokenId : undefined };
  } catch {
    return null;
  }
}
