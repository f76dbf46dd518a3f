import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuditChange, AuditService } from '@socle/audit';
import {
  Actor,
  CoreErrorCode,
  CsvColumn,
  csvImportRejected,
  CsvImportSpec,
  readCsvImport,
  SocleError,
  toCsv,
  violatedConstraint,
} from '@socle/core';
import {
  LineError,
  parsePurchaseRow,
  PurchaseChange,
  PurchaseData,
  PURCHASE_COLUMNS,
  PURCHASE_FIELDS,
} from './purchase-data-row';
import { deviceNotFound, FleetErrorCode } from '@socle/fleet';
import { LifecycleErrorCode } from './lifecycle-error-codes';

export interface PurchaseDataResult {
  updated: number;
  unchanged: number;
  errors: LineError[];
}

const BATCH_SIZE = 500;

const PURCHASE_CSV: CsvImportSpec<PurchaseChange> = {
  columns: PURCHASE_COLUMNS,
  required: ['serialNumber'],
  maxBytes: 50 * 1024 * 1024,
  maxRows: 200_000,
  parseRow: parsePurchaseRow,
  unique: [
    {
      of: (change) => change.serialNumber,
      code: FleetErrorCode.DuplicateSerial,
      message: (serial) => `Le numéro de série ${serial} apparaît plusieurs fois dans le fichier.`,
    },
    {
      of: (change) => change.data.inventoryNumber,
      code: LifecycleErrorCode.DuplicateInventoryNumber,
      message: (inventory) => `Le numéro d'inventaire ${inventory} apparaît plusieurs fois dans le fichier.`,
    },
  ],
  refusal: 'Modification refusée',
  emptyResult: { updated: 0 },
};

const SQL_COLUMNS: Record<(typeof PURCHASE_FIELDS)[number], { column: string; type: string }> = {
  inventoryNumber: { column: 'inventory_number', type: 'text' },
  purchaseDate: { column: 'purchase_date', type: 'date' },
  supplier: { column: 'supplier', type: 'text' },
  orderReference: { column: 'order_reference', type: 'text' },
  fundingSource: { column: 'funding_source', type: 'text' },
  purchasePrice: { column: 'purchase_price', type: 'numeric' },
  refurbished: { column: 'refurbished', type: 'boolean' },
  maintenanceMode: { column: 'maintenance_mode', type: 'text' },
  maintenanceEnd: { column: 'maintenance_end', type: 'date' },
  warrantyEnd: { column: 'warranty_end', type: 'date' },
  takeBackTerms: { column: 'take_back_terms', type: 'text' },
};

const snapshot = (alias: string) =>
  `json_build_object(${PURCHASE_FIELDS.map((field) => {
    const { column, type } = SQL_COLUMNS[field];
    return `'${field}', ${type === 'date' ? `to_char(${alias}.${column}, 'YYYY-MM-DD')` : type === 'numeric' ? `${alias}.${column}::float8` : `${alias}.${column}`}`;
  }).join(', ')})`;

/**
 * Purchase and maintenance data edited in bulk: the CSV names each device by its serial number, an
 * empty cell leaves a field as it is. Set-based updates in one transaction, so a file with any bad
 * line changes nothing; each device that changed gets its own audit entry (before/after).
 */
@Injectable()
export class PurchaseDataService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async importCsv(actor: Actor, body: Readable): Promise<PurchaseDataResult> {
    const collectiviteId = actor.tenantId();
    const changes: PurchaseChange[] = [];
    const { errors } = await readCsvImport(body, PURCHASE_CSV, async (batch) => {
      changes.push(...batch.map((row) => row.value));
      return this.unknownOrConflicting(
        collectiviteId,
        batch.map((row) => row.value),
      );
    });
    if (errors.length) throw csvImportRejected(PURCHASE_CSV, errors);
    return this.apply(actor, changes);
  }

  /** The same rules for one device edited from its page. */
  async updateOne(
    actor: Actor,
    deviceId: string,
    edit: Partial<Record<(typeof PURCHASE_FIELDS)[number], unknown>>,
  ): Promise<PurchaseDataResult> {
    const [device] = await this.dataSource.query(
      'SELECT serial_number FROM devices WHERE id = $1 AND collectivite_id = $2',
      [deviceId, actor.tenantId()],
    );
    if (!device) throw deviceNotFound();
    const record = Object.fromEntries(
      Object.entries(edit)
        .filter(([, value]) => value !== undefined && value !== null)
        .map(([key, value]) => [key, String(value)]),
    );
    if (!Object.keys(record).length) {
      throw SocleError.badRequest(
        CoreErrorCode.ValidationFailed,
        `Rien à modifier : indiquez au moins un de ces champs : ${PURCHASE_FIELDS.join(', ')}.`,
        { fields: [{ field: 'body', problems: ['at least one field is required'] }] },
      );
    }
    const parsed = parsePurchaseRow({ ...record, serialNumber: device.serial_number }, 1);
    const errors = Array.isArray(parsed) ? parsed : await this.unknownOrConflicting(actor.tenantId(), [parsed]);
    if (errors.length) throw csvImportRejected(PURCHASE_CSV, errors);
    return this.apply(actor, [parsed as PurchaseChange]);
  }

  async exportCsv(actor: Actor): Promise<string> {
    const rows: Array<{ serialNumber: string; data: PurchaseData }> = await this.dataSource.query(
      `SELECT d.serial_number AS "serialNumber", ${snapshot('d')} AS data FROM devices d WHERE d.collectivite_id = $1 ORDER BY d.serial_number`,
      [actor.tenantId()],
    );
    const columns: Array<CsvColumn<{ serialNumber: string; data: PurchaseData }>> = [
      { header: 'serialNumber', value: (row) => row.serialNumber },
      ...PURCHASE_FIELDS.map((field) => ({ header: field, value: (row: { data: PurchaseData }) => row.data[field] })),
    ];
    return toCsv(columns, rows);
  }

  /** Writes checked changes: set-based, one transaction, one audit entry per device that changed. */
  private async apply(actor: Actor, changes: PurchaseChange[]): Promise<PurchaseDataResult> {
    const collectiviteId = actor.tenantId();
    try {
      return await this.dataSource.transaction(async (manager) => {
        const audits: AuditChange[] = [];
        for (let start = 0; start < changes.length; start += BATCH_SIZE)
          audits.push(...(await this.updateBatch(manager, collectiviteId, changes.slice(start, start + BATCH_SIZE))));
        await this.audit.recordMany(manager, actor, [
          {
            action: 'device.purchase_data.import',
            entityType: 'device',
            summary: { rows: changes.length, updated: audits.length },
          },
          ...audits,
        ]);
        return { updated: audits.length, unchanged: changes.length - audits.length, errors: [] };
      });
    } catch (error) {
      if (violatedConstraint(error) === 'uq_devices_tenant_inventory') {
        throw SocleError.conflict(
          LifecycleErrorCode.InventoryNumberTaken,
          "Un numéro d'inventaire est déjà porté par un autre appareil (modifié en même temps ?) : réessayez.",
        );
      }
      throw error;
    }
  }

  private async updateBatch(
    manager: EntityManager,
    collectiviteId: string,
    batch: PurchaseChange[],
  ): Promise<AuditChange[]> {
    const arrays = PURCHASE_FIELDS.map((field) => batch.map((change) => change.data[field]));
    const sets = PURCHASE_FIELDS.map(
      (field) =>
        `${SQL_COLUMNS[field].column} = COALESCE(i.${SQL_COLUMNS[field].column}, d.${SQL_COLUMNS[field].column})`,
    );
    const unnest = PURCHASE_FIELDS.map((field, index) => `$${index + 3}::${SQL_COLUMNS[field].type}[]`);
    const [rows]: [
      Array<{ id: string; serial_number: string; before: Record<string, unknown>; after: Record<string, unknown> }>,
      number,
    ] = await manager.query(
      `UPDATE devices d SET ${sets.join(', ')}, updated_at = now()
         FROM unnest($2::text[], ${unnest.join(', ')}) AS i(serial, ${PURCHASE_FIELDS.map((field) => SQL_COLUMNS[field].column).join(', ')}),
              devices old
        WHERE d.collectivite_id = $1 AND d.serial_number = i.serial AND old.id = d.id
        RETURNING d.id, d.serial_number, ${snapshot('old')} AS before, ${snapshot('d')} AS after`,
      [collectiviteId, batch.map((change) => change.serialNumber), ...arrays],
    );
    return rows.flatMap((row) => {
      const changed = PURCHASE_FIELDS.filter((field) => row.before[field] !== row.after[field]);
      if (!changed.length) return [];
      return [
        {
          action: 'device.purchase_data.update',
          entityType: 'device',
          entityId: row.id,
          summary: {
            serialNumber: row.serial_number,
            before: pick(row.before, changed),
            after: pick(row.after, changed),
          },
        },
      ];
    });
  }

  /** Serial numbers the collectivité does not have, and inventory numbers another device already carries. */
  private async unknownOrConflicting(collectiviteId: string, changes: PurchaseChange[]): Promise<LineError[]> {
    const serials = changes.map((change) => change.serialNumber);
    const known: Array<{ serial_number: string }> = await this.dataSource.query(
      'SELECT serial_number FROM devices WHERE collectivite_id = $1 AND serial_number = ANY($2::text[])',
      [collectiviteId, serials],
    );
    const knownSerials = new Set(known.map((row) => row.serial_number));
    const errors: LineError[] = changes
      .filter((change) => !knownSerials.has(change.serialNumber))
      .map((change) => ({
        line: change.line,
        code: FleetErrorCode.DeviceNotFound,
        message: `Aucun appareil de numéro de série ${change.serialNumber} dans votre collectivité.`,
      }));
    const withInventory = changes.filter((change) => change.data.inventoryNumber);
    const taken: Array<{ serial: string; inventory_number: string; owner: string }> = await this.dataSource.query(
      `SELECT i.serial, d.inventory_number, d.serial_number AS owner
         FROM unnest($2::text[], $3::text[]) AS i(serial, inventory)
         JOIN devices d ON d.collectivite_id = $1 AND d.inventory_number = i.inventory AND d.serial_number <> i.serial`,
      [
        collectiviteId,
        withInventory.map((change) => change.serialNumber),
        withInventory.map((change) => change.data.inventoryNumber),
      ],
    );
    const lines = new Map(changes.map((change) => [change.serialNumber, change.line]));
    errors.push(
      ...taken.map((row) => ({
        line: lines.get(row.serial) ?? 0,
        code: LifecycleErrorCode.InventoryNumberTaken,
        message: `Le numéro d'inventaire ${row.inventory_number} est déjà celui de l'appareil ${row.owner}.`,
      })),
    );
    return errors;
  }
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, source[key]]));
}
