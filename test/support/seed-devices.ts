import { DataSource } from 'typeorm';

/** A device row as the reports read it; anything left out stays NULL (or the column default). */
export interface SeededDevice {
  serialNumber: string;
  osFamily: string;
  deviceKind: string;
  state: string;
  model?: string | null;
  osVersion?: string | null;
  packId?: string | null;
  packCapacity?: number | null;
  positionInPack?: number | null;
  lastCheckinAt?: string | null;
  batteryLevel?: number | null;
  batteryHealth?: number | null;
  batteryCharging?: boolean | null;
  storageFreeBytes?: number | null;
  storageTotalBytes?: number | null;
  purchaseDate?: string | null;
  warrantyEnd?: string | null;
  maintenanceMode?: string | null;
  maintenanceEnd?: string | null;
  purchasePrice?: number | null;
}

const COLUMNS: Array<[keyof SeededDevice, string, string]> = [
  ['serialNumber', 'serial_number', 'text'],
  ['osFamily', 'os_family', 'text'],
  ['deviceKind', 'device_kind', 'text'],
  ['state', 'state', 'text'],
  ['model', 'model', 'text'],
  ['osVersion', 'os_version', 'text'],
  ['packId', 'pack_id', 'uuid'],
  ['packCapacity', 'pack_capacity', 'smallint'],
  ['positionInPack', 'position_in_pack', 'smallint'],
  ['lastCheckinAt', 'last_checkin_at', 'timestamptz'],
  ['batteryLevel', 'battery_level', 'smallint'],
  ['batteryHealth', 'battery_health', 'smallint'],
  ['batteryCharging', 'battery_charging', 'boolean'],
  ['storageFreeBytes', 'storage_free_bytes', 'bigint'],
  ['storageTotalBytes', 'storage_total_bytes', 'bigint'],
  ['purchaseDate', 'purchase_date', 'date'],
  ['warrantyEnd', 'warranty_end', 'date'],
  ['maintenanceMode', 'maintenance_mode', 'text'],
  ['maintenanceEnd', 'maintenance_end', 'date'],
  ['purchasePrice', 'purchase_price', 'numeric'],
];

/**
 * Puts a fleet with known answers straight into PostgreSQL (the reports only read it): one
 * statement, through the same constraints as any write (pack OS and capacity, positions).
 */
export async function seedDevices(
  dataSource: DataSource,
  collectiviteId: string,
  devices: SeededDevice[],
): Promise<void> {
  const rows = devices.map((device) =>
    Object.fromEntries(COLUMNS.map(([key, column]) => [column, device[key] ?? null])),
  );
  await dataSource.query(
    `INSERT INTO devices (collectivite_id, ${COLUMNS.map(([, column]) => column).join(', ')})
     SELECT $1, ${COLUMNS.map(([, column]) => column).join(', ')} FROM json_to_recordset($2::json) AS x(${COLUMNS.map(([, column, type]) => `${column} ${type}`).join(', ')})`,
    [collectiviteId, JSON.stringify(rows)],
  );
}

/** `count` devices numbered 1..count, each shaped by `shape(i)`. */
export function numbered(count: number, shape: (i: number) => SeededDevice): SeededDevice[] {
  return Array.from({ length: count }, (_, index) => shape(index + 1));
}
