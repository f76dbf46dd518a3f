import type { DeviceKind, OsFamily } from './agent-types';

/** Plausible values for a demo when the operator names only the OS family. */
const DEFAULT_KIND: Record<OsFamily, DeviceKind> = {
  ipados: 'tablet',
  android: 'tablet',
  windows: 'laptop',
  chromeos: 'laptop',
  linux: 'laptop',
};

const DEFAULT_MODEL: Record<OsFamily, Record<DeviceKind, string>> = {
  ipados: { tablet: 'iPad 10.9', tablet_pc: 'iPad Air 11', laptop: 'iPad Pro 13' },
  android: { tablet: 'Galaxy Tab A9+', tablet_pc: 'Galaxy Tab S9 FE', laptop: 'Galaxy Tab S9 FE+' },
  windows: { tablet: 'Surface Go 4', tablet_pc: 'Surface Go 4', laptop: 'ThinkPad 11e Yoga' },
  chromeos: { tablet: 'Chromebook Duet', tablet_pc: 'Chromebook Flip CX1', laptop: 'Chromebook 311' },
  linux: { tablet: 'PineTab 2', tablet_pc: 'StarLite Mk V', laptop: 'ThinkPad L13' },
};

const DEFAULT_OS_VERSION: Record<OsFamily, string> = {
  ipados: '17.5',
  android: '14',
  windows: '10.0.22631',
  chromeos: '124.0.6367.82',
  linux: 'Ubuntu 24.04',
};

export function defaultDeviceKind(osFamily: OsFamily): DeviceKind {
  return DEFAULT_KIND[osFamily];
}

export function defaultModel(osFamily: OsFamily, deviceKind: DeviceKind): string {
  return DEFAULT_MODEL[osFamily][deviceKind];
}

export function defaultOsVersion(osFamily: OsFamily): string {
  return DEFAULT_OS_VERSION[osFamily];
}
