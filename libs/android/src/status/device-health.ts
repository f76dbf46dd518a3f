import type { androidmanagement_v1 } from '@googleapis/androidmanagement';
import { NonComplianceMessage, nonComplianceMessages } from './non-compliance-messages';

type Device = androidmanagement_v1.Schema$Device;

/** What Socle keeps of an AMAPI status report: the same health fields as an agent's check-in. */
export interface AndroidDeviceHealth {
  serialNumber: string | null;
  model: string | null;
  manufacturer: string | null;
  osVersion: string | null;
  /** `YYYY-MM-DD`, as Android reports it. */
  securityPatchLevel: string | null;
  batteryLevel: number | null;
  batteryCharging: boolean | null;
  /** AMAPI v1 reports no battery wear: always null, so the battery-health rule stays "unknown" on Android. */
  batteryHealth: number | null;
  storageFreeBytes: number | null;
  storageTotalBytes: number | null;
  lastStatusReportAt: Date | null;
  appliedPolicyName: string | null;
  appliedPolicyVersion: number | null;
  policyCompliant: boolean | null;
  /** Google's management state: ACTIVE, DISABLED, DELETED, PROVISIONING, LOST. */
  state: string | null;
  nonCompliance: NonComplianceMessage[];
}

/** A pure mapping: no field of the device is trusted to be there (each depends on the policy's reporting settings). */
export function deviceHealth(device: Device): AndroidDeviceHealth {
  const power = sortedByTime(device.powerManagementEvents);
  const level = power.filter((event) => event.eventType === 'BATTERY_LEVEL_COLLECTED' && isNumber(event.batteryLevel));
  const plug = power.filter((event) => ['POWER_CONNECTED', 'POWER_DISCONNECTED'].includes(event.eventType ?? ''));
  const storage = sortedByTime(device.memoryEvents).filter((event) => event.eventType === 'INTERNAL_STORAGE_MEASURED');
  return {
    serialNumber: device.hardwareInfo?.serialNumber ?? null,
    model: device.hardwareInfo?.model ?? null,
    manufacturer: device.hardwareInfo?.manufacturer ?? null,
    osVersion: device.softwareInfo?.androidVersion ?? null,
    securityPatchLevel: device.softwareInfo?.securityPatchLevel ?? null,
    batteryLevel: level.length ? clampPercent(level[level.length - 1].batteryLevel!) : null,
    batteryCharging: plug.length ? plug[plug.length - 1].eventType === 'POWER_CONNECTED' : null,
    batteryHealth: null,
    storageFreeBytes: storage.length ? int64(storage[storage.length - 1].byteCount) : null,
    storageTotalBytes: int64(device.memoryInfo?.totalInternalStorage),
    lastStatusReportAt: date(device.lastStatusReportTime),
    appliedPolicyName: device.appliedPolicyName ?? null,
    appliedPolicyVersion: int64(device.appliedPolicyVersion),
    policyCompliant: device.policyCompliant ?? null,
    state: device.state ?? null,
    nonCompliance: nonComplianceMessages(device.nonComplianceDetails),
  };
}

function sortedByTime<T extends { createTime?: string | null }>(events: T[] | undefined): T[] {
  return [...(events ?? [])].sort(
    (a, b) => (date(a.createTime)?.getTime() ?? 0) - (date(b.createTime)?.getTime() ?? 0),
  );
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const clampPercent = (value: number) => Math.max(0, Math.min(100, Math.round(value)));

/** int64 fields come as decimal strings in JSON. */
function int64(value: string | null | undefined): number | null {
  if (value === null || value === undefined || !/^\d+$/.test(value)) return null;
  const parsed = Number(value);
  return Number.isSafeInteger(parsed) ? parsed : null;
}

function date(value: string | null | undefined): Date | null {
  if (!value) return null;
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}
