import type { CsvLineError } from '@socle/core';
import { DEVICE_KINDS, DeviceKind, MAINTENANCE_MODES, MaintenanceMode, OS_FAMILIES, OsFamily } from './fleet-enums';
import { FleetErrorCode } from './fleet-error-codes';

/** The contract's columns, in the order suppliers are asked to send them. */
export const IMPORT_COLUMNS = [
  'serialNumber',
  'model',
  'osFamily',
  'deviceKind',
  'purchaseDate',
  'warrantyEnd',
  'supplier',
  'maintenanceMode',
  'refurbished',
] as const;
export const REQUIRED_COLUMNS = ['serialNumber', 'osFamily', 'deviceKind'] as const;

export interface ImportedDevice {
  serialNumber: string;
  model: string | null;
  osFamily: OsFamily;
  deviceKind: DeviceKind;
  purchaseDate: string | null;
  warrantyEnd: string | null;
  supplier: string | null;
  maintenanceMode: MaintenanceMode | null;
  refurbished: boolean;
}

export type ImportLineError = CsvLineError;

const SERIAL = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;
const YES = ['true', 'oui', 'yes', '1', 'o', 'y', 'reconditionné', 'reconditionne'];
const NO = ['', 'false', 'non', 'no', '0', 'n', 'neuf'];

/** Accepts ISO dates and the French DD/MM/YYYY that suppliers' spreadsheets export. */
export function parseDate(raw: string): string | null | undefined {
  const value = raw.trim();
  if (!value) return null;
  const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value);
  const iso = french ? `${french[3]}-${french[2]}-${french[1]}` : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/** Turns one CSV record into a device, or the list of what is wrong with it (French, for the technician). */
export function parseImportRow(
  record: Record<string, string | undefined>,
  line: number,
): ImportedDevice | ImportLineError[] {
  const value = (column: string) => (record[column] ?? '').trim();
  const errors: ImportLineError[] = [];
  const fail = (code: string, message: string) => errors.push({ line, code, message });

  const serialNumber = value('serialNumber');
  if (!SERIAL.test(serialNumber))
    fail(
      FleetErrorCode.SerialInvalid,
      `Numéro de série « ${serialNumber} » invalide (3 à 64 lettres, chiffres, . _ -).`,
    );
  const osFamily = value('osFamily').toLowerCase() as OsFamily;
  if (!OS_FAMILIES.includes(osFamily))
    fail(
      FleetErrorCode.OsFamilyInvalid,
      `Système « ${value('osFamily')} » inconnu : attendu ${OS_FAMILIES.join(', ')}.`,
    );
  const deviceKind = value('deviceKind').toLowerCase() as DeviceKind;
  if (!DEVICE_KINDS.includes(deviceKind))
    fail(
      FleetErrorCode.DeviceKindInvalid,
      `Type « ${value('deviceKind')} » inconnu : attendu ${DEVICE_KINDS.join(', ')}.`,
    );
  const purchaseDate = parseDate(value('purchaseDate'));
  if (purchaseDate === undefined)
    fail(FleetErrorCode.DateInvalid, `Date d'achat « ${value('purchaseDate')} » invalide (AAAA-MM-JJ ou JJ/MM/AAAA).`);
  const warrantyEnd = parseDate(value('warrantyEnd'));
  if (warrantyEnd === undefined)
    fail(
      FleetErrorCode.DateInvalid,
      `Fin de garantie « ${value('warrantyEnd')} » invalide (AAAA-MM-JJ ou JJ/MM/AAAA).`,
    );
  if (purchaseDate && warrantyEnd && warrantyEnd < purchaseDate)
    fail(FleetErrorCode.WarrantyBeforePurchase, 'La fin de garantie précède la date d’achat.');
  const maintenanceMode = (value('maintenanceMode').toLowerCase() || null) as MaintenanceMode | null;
  if (maintenanceMode && !MAINTENANCE_MODES.includes(maintenanceMode)) {
    fail(
      FleetErrorCode.MaintenanceModeInvalid,
      `Mode de maintenance « ${value('maintenanceMode')} » inconnu : attendu ${MAINTENANCE_MODES.join(', ')}.`,
    );
  }
  const refurbishedRaw = value('refurbished').toLowerCase();
  if (!YES.includes(refurbishedRaw) && !NO.includes(refurbishedRaw))
    fail(FleetErrorCode.RefurbishedInvalid, `« ${value('refurbished')} » : indiquez oui/non (ou true/false).`);
  const model = value('model').slice(0, 200) || null;
  const supplier = value('supplier').slice(0, 200) || null;
  if (errors.length) return errors;
  return {
    serialNumber,
    model,
    osFamily,
    deviceKind,
    purchaseDate: purchaseDate ?? null,
    warrantyEnd: warrantyEnd ?? null,
    supplier,
    maintenanceMode,
    refurbished: YES.includes(refurbishedRaw),
  };
}
