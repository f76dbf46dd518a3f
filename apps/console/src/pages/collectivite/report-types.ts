export interface FleetHealthMetrics {
  devices: number;
  managed: number;
  checkedIn24h: number;
  checkedIn24hShare: number | null;
  checkedIn7d: number;
  checkedIn7dShare: number | null;
  notSeen: number;
  battery: { level: Record<string, number>; health: Record<string, number>; charging: number };
  storage: { totalBytes: number; freeBytes: number; lowFreeSpace: number; unknown: number };
  osVersions: Record<string, number>;
  compliance: { compliant: number; nonCompliant: number; unknown: number };
}
export interface FleetHealthLine extends FleetHealthMetrics {
  schoolId: string | null;
  schoolName: string | null;
  packId: string | null;
  packName: string | null;
  level: 'pack' | 'school' | 'unassigned';
}
export interface FleetHealthReport {
  lines: FleetHealthLine[];
  totals: FleetHealthMetrics;
}
export interface WarrantyFigures {
  devices: number;
  covered: number;
  expiring: number;
  expired: number;
  unknown: number;
  expiringValue: number;
  expiredValue: number;
  withoutPrice: number;
}
export interface WarrantyReport {
  lines: Array<
    WarrantyFigures & {
      schoolId: string | null;
      schoolName: string | null;
      maintenanceMode: string | null;
      nextExpiry: string | null;
    }
  >;
  totals: WarrantyFigures;
}
export interface SocleReport {
  lines: Array<{
    schoolId: string;
    schoolUai: string;
    schoolName: string;
    classCount: number;
    packs: number;
    requiredPacks: number;
    bandwidthMbps: number | null;
    requiredBandwidthMbps: number;
    compliant: boolean;
    missing: string[];
  }>;
  totals: { schools: number; compliant: number; notCompliant: number };
}
export interface RenewalReport {
  devices: number;
  years: Array<{
    year: number;
    renewalsDue: number;
    budget: number;
    withoutPrice: number;
    coverageEnds: number;
    osSupportEnds: number;
    lifespanReached: number;
  }>;
  overdue: { renewalsDue: number; budget: number; withoutPrice: number };
  unplanned: number;
  ageDistribution: Array<{ ageYears: number; devices: number }>;
}
