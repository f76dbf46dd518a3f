/** The operating systems Socle manages; a pack holds devices of one of them. */
export const OS_FAMILIES = ['ipados', 'android', 'windows', 'chromeos', 'linux'] as const;
export type OsFamily = (typeof OS_FAMILIES)[number];

export const DEVICE_KINDS = ['tablet', 'laptop', 'tablet_pc'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];
