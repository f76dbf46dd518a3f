import type { CsvLineError } from '@socle/core';
import { FUNDING_SOURCES, FundingSource, MAINTENANCE_MODES, MaintenanceMode, parseDate } from '@socle/fleet';
import { LifecycleErrorCode } from './lifecycle-error-codes';

/** Purchase and maintenance fields a technician edits in bulk; `null` in a change means "leave as is". */
export interface PurchaseData {
  inventoryNumber: string | null;
  purchaseDate: string | null;
  supplier: string | null;
  orderReference: string | null;
  fundingSource: FundingSource | null;
  purchasePrice: number | null;
  refurbished: boolean | null;
  maintenanceMode: MaintenanceMode | null;
  maintenanceEnd: string | null;
  warrantyEnd: string | null;
  takeBackTerms: string | null;
}

export const PURCHASE_FIELDS = [
  'inventoryNumber',
  'purchaseDate',
  'supplier',
  'orderReference',
  'fundingSource',
  'purchasePrice',
  'refurbished',
  'maintenanceMode',
  'maintenanceEnd',
  'warrantyEnd',
  'takeBackTerms',
] as const;
export const PURCHASE_COLUMNS = ['serialNumber', ...PURCHASE_FIELDS] as const;

export interface PurchaseChange {
  serialNumber: string;
  line: number;
  data: PurchaseData;
}

export type LineError = CsvLineError;

const YES = ['true', 'oui', 'yes', '1', 'o', 'y', 'reconditionné', 'reconditionne'];
const NO = ['false', 'non', 'no', '0', 'n', 'neuf'];
const FUNDING_ALIASES: Record<string, FundingSource> = {
  'budget propre': 'own_budget',
  budget_propre: 'own_budget',
  'fonds propres': 'own_budget',
  autre: 'other',
};
const INVENTORY = /^[\p{L}\p{N}][\p{L}\p{N} ._/#-]{0,63}$/u;

/** "1 234,56 €", "1234.56" or "399": euros with at most two decimals. */
export function parsePrice(raw: string): number | undefined {
  const normalised = raw.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(normalised)) return undefined;
  return Number(normalised);
}

/** One CSV record (or one JSON edit) into a change, or what is wrong with it, in French for the technician. */
export function parsePurchaseRow(
  record: Record<string, string | undefined>,
  line: number,
): PurchaseChange | LineError[] {
  const value = (column: string) => (record[column] ?? '').trim();
  const errors: LineError[] = [];
  const fail = (code: string, message: string) => errors.push({ line, code, message });
  const text = (column: string, max: number) => {
    const raw = value(column);
    if (raw.length > max) fail(LifecycleErrorCode.ValueTooLong, `${column} : ${max} caractères au plus.`);
    return raw || null;
  };
  const date = (column: string, label: string) => {
    const parsed = parseDate(value(column));
    if (parsed === undefined)
      fail(LifecycleErrorCode.DateInvalid, `${label} « ${value(column)} » invalide (AAAA-MM-JJ ou JJ/MM/AAAA).`);
    return parsed ?? null;
  };

  const serialNumber = value('serialNumber');
  if (!serialNumber)
    fail(LifecycleErrorCode.SerialMissing, 'Numéro de série manquant : il désigne l’appareil à modifier.');
  const inventoryNumber = text('inventoryNumber', 64);
  if (inventoryNumber && !INVENTORY.test(inventoryNumber))
    fail(
      LifecycleErrorCode.InventoryNumberInvalid,
      `Numéro d'inventaire « ${inventoryNumber} » invalide (lettres, chiffres, espace . _ / # -).`,
    );
  const fundingRaw = value('fundingSource').toLowerCase();
  const fundingSource = (FUNDING_ALIASES[fundingRaw] ?? fundingRaw) as FundingSource;
  if (fundingRaw && !FUNDING_SOURCES.includes(fundingSource))
    fail(
      LifecycleErrorCode.FundingSourceInvalid,
      `Financement « ${value('fundingSource')} » inconnu : attendu ${FUNDING_SOURCES.join(', ')}.`,
    );
  const priceRaw = value('purchasePrice');
  const purchasePrice = priceRaw ? parsePrice(priceRaw) : null;
  if (purchasePrice === undefined)
    fail(LifecycleErrorCode.PriceInvalid, `Prix « ${priceRaw} » invalide : un montant en euros (ex. 389,90).`);
  const refurbishedRaw = value('refurbished').toLowerCase();
  if (refurbishedRaw && !YES.includes(refurbishedRaw) && !NO.includes(refurbishedRaw))
    fail(LifecycleErrorCode.RefurbishedInvalid, `« ${value('refurbished')} » : indiquez oui/non (ou true/false).`);
  const maintenanceMode = (value('maintenanceMode').toLowerCase() || null) as MaintenanceMode | null;
  if (maintenanceMode && !MAINTENANCE_MODES.includes(maintenanceMode))
    fail(
      LifecycleErrorCode.MaintenanceModeInvalid,
      `Mode de maintenance « ${value('maintenanceMode')} » inconnu : attendu ${MAINTENANCE_MODES.join(', ')}.`,
    );
  const purchaseDate = date('purchaseDate', "Date d'achat");
  const warrantyEnd = date('warrantyEnd', 'Fin de garantie');
  const maintenanceEnd = date('maintenanceEnd', 'Fin de maintenance');
  if (purchaseDate && warrantyEnd && warrantyEnd < purchaseDate)
    fail(LifecycleErrorCode.WarrantyBeforePurchase, 'La fin de garantie précède la date d’achat.');
  if (purchaseDate && maintenanceEnd && maintenanceEnd < purchaseDate)
    fail(LifecycleErrorCode.MaintenanceBeforePurchase, 'La fin de maintenance précède la date d’achat.');
  const data: PurchaseData = {
    inventoryNumber,
    purchaseDate,
    supplier: text('supplier', 200),
    orderReference: text('orderReference', 200),
    fundingSource: fundingRaw ? fundingSource : null,
    purchasePrice: purchasePrice ?? null,
    refurbished: refurbishedRaw ? YES.includes(refurbishedRaw) : null,
    maintenanceMode,
    maintenanceEnd,
    warrantyEnd,
    takeBackTerms: text('takeBackTerms', 2000),
  };
  return errors.length ? errors : { serialNumber, line, data };
}
