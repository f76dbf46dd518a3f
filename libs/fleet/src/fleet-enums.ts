// Shared with the device agent, which must not load Nest or TypeORM to know them.
export { DEVICE_KINDS, OS_FAMILIES } from '@socle/device-protocol';
export type { DeviceKind, OsFamily } from '@socle/device-protocol';

/** The socle numérique de base sizes a classe mobile at 10, 12 or 15 devices, nothing else. */
export const PACK_CAPACITIES = [10, 12, 15] as const;
export type PackCapacity = (typeof PACK_CAPACITIES)[number];

export const DEVICE_STATES = [
  'registered',
  'enrolled',
  'active',
  'locked',
  'retiring',
  'retired',
  'taken_back',
] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

export const MAINTENANCE_MODES = ['warranty_extension', 'maintenance_contract', 'municipal_staff', 'lease'] as const;
export type MaintenanceMode = (typeof MAINTENANCE_MODES)[number];

export const sqlList = (values: readonly string[] | readonly number[]) =>
  values.map((value) => (typeof value === 'number' ? String(value) : `'${value}'`)).join(', ');

/** Who paid: the État's plans (SNEE, TNE, ENIR), the collectivité's own budget, or something else. */
export const FUNDING_SOURCES = ['snee', 'tne', 'enir', 'own_budget', 'other'] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
