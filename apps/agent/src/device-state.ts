import type { DeviceKind, OsFamily, ReportedProfile } from './agent-types';
import { HealthState, initialHealth, RandomSource } from './device-health';

/** Everything a command can change on the simulated device; its identity lives elsewhere and survives a wipe. */
export interface SimulatedDeviceState {
  locked: boolean;
  profiles: Map<string, number>;
  apps: string[];
  readonly factoryApps: readonly string[];
  health: HealthState;
  session: Record<string, unknown> | null;
  /** The filtering payload last installed (its revision tells the server what the device holds). */
  filtering: Record<string, unknown> | null;
  restarts: number;
  wipes: number;
}

const FACTORY_APPS: Record<OsFamily, readonly string[]> = {
  ipados: ['com.apple.mobilesafari', 'com.apple.camera', 'com.apple.DocumentsApp'],
  android: ['com.android.chrome', 'com.android.camera2', 'com.google.android.documentsui'],
  windows: ['Microsoft.MicrosoftEdge.Stable', 'Microsoft.WindowsCamera'],
  chromeos: ['com.google.chrome', 'com.google.camera'],
  linux: ['org.mozilla.firefox', 'org.libreoffice.LibreOffice'],
};

export function createDeviceState(
  osFamily: OsFamily,
  deviceKind: DeviceKind,
  random: RandomSource,
): SimulatedDeviceState {
  const factoryApps = FACTORY_APPS[osFamily];
  return {
    locked: false,
    profiles: new Map(),
    apps: [...factoryApps],
    factoryApps,
    health: initialHealth(deviceKind, random),
    session: null,
    filtering: null,
    restarts: 0,
    wipes: 0,
  };
}

export function reportedProfiles(state: SimulatedDeviceState): ReportedProfile[] {
  return [...state.profiles].map(([id, version]) => ({ id, version }));
}
