import type { DeviceKind, HealthReport } from './agent-types';

export type RandomSource = () => number;

/** Kept as floats so slow trends survive; rounded only when reported (the gateway stores integers). */
export interface HealthState {
  batteryLevel: number;
  charging: boolean;
  batteryHealth: number;
  freeBytes: number;
  totalBytes: number;
}

const GIB = 1024 ** 3;
const STORAGE_BY_KIND: Record<DeviceKind, number> = { tablet: 64 * GIB, tablet_pc: 128 * GIB, laptop: 256 * GIB };

/** A lesson drains a tablet by roughly a tenth per hour; a cart refills it in about two and a half. */
const DRAIN_PERCENT_PER_HOUR = 12;
const CHARGE_PERCENT_PER_HOUR = 40;
/** About 20 points of battery health lost over 500 full cycles, the usual lithium-ion figure. */
const HEALTH_LOSS_PER_PERCENT_CHARGED = 20 / (500 * 100);
const MAX_STORAGE_DRIFT_PER_HOUR = 0.004;
const MIN_FREE_RATIO = 0.05;
const MAX_FREE_RATIO = 0.95;

export function initialHealth(deviceKind: DeviceKind, random: RandomSource): HealthState {
  const totalBytes = STORAGE_BY_KIND[deviceKind];
  return {
    batteryLevel: 40 + random() * 60,
    charging: false,
    batteryHealth: 85 + random() * 15,
    freeBytes: totalBytes * (0.3 + random() * 0.4),
    totalBytes,
  };
}

export function advanceHealth(state: HealthState, elapsedSeconds: number, random: RandomSource): HealthState {
  const hours = elapsedSeconds / 3600;
  if (hours <= 0) return state;
  const usage = 0.5 + random();
  const batteryRate = state.charging ? CHARGE_PERCENT_PER_HOUR : -DRAIN_PERCENT_PER_HOUR * usage;
  const batteryLevel = clamp(state.batteryLevel + batteryRate * hours, 0, 100);
  const percentCharged = Math.max(0, batteryLevel - state.batteryLevel);
  const storageDrift = (random() * 2 - 1) * MAX_STORAGE_DRIFT_PER_HOUR * Math.min(hours, 24) * state.totalBytes;
  return {
    ...state,
    batteryLevel,
    batteryHealth: clamp(state.batteryHealth - percentCharged * HEALTH_LOSS_PER_PERCENT_CHARGED, 0, 100),
    freeBytes: clamp(
      state.freeBytes + storageDrift,
      state.totalBytes * MIN_FREE_RATIO,
      state.totalBytes * MAX_FREE_RATIO,
    ),
  };
}

export function toHealthReport(state: HealthState): HealthReport {
  return {
    battery: {
      level: Math.round(state.batteryLevel),
      charging: state.charging,
      health: Math.round(state.batteryHealth),
    },
    storage: { freeBytes: Math.round(state.freeBytes), totalBytes: state.totalBytes },
  };
}

/** What a factory reset leaves: the same battery, storage back to the system image alone. */
export function afterWipe(state: HealthState): HealthState {
  return { ...state, freeBytes: state.totalBytes * MAX_FREE_RATIO };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
