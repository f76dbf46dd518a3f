import { Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { DataSource, QueryRunner } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, CsvImportSpec, csvImportRejected, CsvLineError, CsvRow, readCsvImport } from '@socle/core';
import { ImportedDevice, ImportLineError, IMPORT_COLUMNS, parseImportRow, REQUIRED_COLUMNS } from './device-import-row';
import { FleetErrorCode } from './fleet-error-codes';

export interface ImportResult {
  created: number;
  updated: number;
  errors: ImportLineError[];
}

const DEVICE_CSV: CsvImportSpec<ImportedDevice> = {
  columns: IMPORT_COLUMNS,
  required: REQUIRED_COLUMNS,
  maxBytes: 50 * 1024 * 1024,
  parseRow: parseImportRow,
  unique: [
    {
      of: (device) => device.serialNumber,
      code: FleetErrorCode.DuplicateSerial,
      message: (serial) => `Le numéro de série ${serial} apparaît plusieurs fois dans le fichier.`,
    },
  ],
  refusal: 'Import refusé',
  emptyResult: { created: 0, updated: 0 },
};

/**
 * Supplier delivery files: read by the shared CSV pipeline and upserted in batches inside one
 * transaction, so memory stays bounded and a file with any bad line changes nothing.
 */
@Injectable()
export class DeviceImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, body: Readable): Promise<ImportResult> {
    const collectiviteId = actor.tenantId();
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const result: ImportResult = { created: 0, updated: 0, errors: [] };
    try {
      const { errors } = await readCsvImport(body, DEVICE_CSV, async (batch, failing) =>
        failing ? [] : this.upsertBatch(runner, collectiviteId, batch, result),
      );
      if (errors.length) throw csvImportRejected(DEVICE_CSV, errors);
      await this.audit.record(runner.manager, actor, {
        action: 'device.import',
        entityType: 'device',
        summary: { created: result.created, updated: result.updated },
      });
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async upsertBatch(
    runner: QueryRunner,
    collectiviteId: string,
    batch: Array<CsvRow<ImportedDevice>>,
    result: ImportResult,
  ): Promise<CsvLineError[]> {
    const conflicts: Array<{ serial_number: string; os_family: string }> = await runner.query(
      `SELECT d.serial_number, d.os_family FROM devices d
         JOIN unnest($2::text[], $3::text[]) AS incoming(serial, os) ON incoming.serial = d.serial_number
        WHERE d.collectivite_id = $1 AND d.pack_id IS NOT NULL AND d.os_family <> incoming.os`,
      [collectiviteId, batch.map((row) => row.value.serialNumber), batch.map((row) => row.value.osFamily)],
    );
    if (conflicts.length) {
      const bySerial = new Map(conflicts.map((conflict) => [conflict.serial_number, conflict.os_family]));
      return batch
        .filter((row) => bySerial.has(row.value.serialNumber))
        .map((row) => ({
          line: row.line,
          code: FleetErrorCode.PackOsMismatch,
          message: `L'appareil ${row.value.serialNumber} est dans un pack ${bySerial.get(row.value.serialNumber)} : son système ne peut pas devenir ${row.value.osFamily}.`,
        }));
    }
    const column = <K extends keyof ImportedDevice>(key: K) => batch.map((row) => row.value[key]);
    const rows: Array<{ inserted: boolean }> = await runner.query(
      `INSERT INTO devices (collectivite_id, serial_number, model, os_family, device_kind, purchase_date, warranty_end, supplier, maintenance_mode, refurbished)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::text[], $9::text[], $10::boolean[])
       ON CONFLICT ON CONSTRAINT uq_devices_tenant_serial DO UPDATE SET
         model = COALESCE(EXCLUDED.model, devices.model), os_family = EXCLUDED.os_family, device_kind = EXCLUDED.device_kind,
         purchase_date = COALESCE(EXCLUDED.purchase_date, devices.purchase_date), warranty_end = COALESCE(EXCLUDED.warranty_end, devices.warranty_end),
         supplier = COALESCE(EXCLUDED.supplier, devices.supplier), maintenance_mode = COALESCE(EXCLUDED.maintenance_mode, devices.maintenance_mode),
         refurbished = EXCLUDED.refurbished, updated_at = now()
       RETURNING (xmax = 0) AS inserted`,
      [
        collectiviteId,
        column('serialNumber'),
        column('model'),
        column('osFamily'),
        column('deviceKind'),
        column('purchaseDate'),
        column('warrantyEnd'),
        column('supplier'),
        column('maintenanceMode'),
        column('refurbished'),
      ],
    );
    for (const row of rows) {
      if (row.inserted) result.created++;
      else result.updated++;
    }
    return [];
  }
}
