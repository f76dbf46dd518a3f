import { HttpStatus, Injectable } from '@nestjs/common';
import { parse } from 'csv-parse';
import { Readable, Transform } from 'node:stream';
import { DataSource, QueryRunner } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, SocleError } from '@socle/core';
import { ImportedDevice, ImportLineError, IMPORT_COLUMNS, parseImportRow, REQUIRED_COLUMNS } from './device-import-row';

export interface ImportResult {
  created: number;
  updated: number;
  errors: ImportLineError[];
}

const BATCH_SIZE = 500;
const MAX_REPORTED_ERRORS = 1000;
const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

/**
 * Supplier delivery files: streamed through csv-parse and upserted in batches inside one
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
      const seen = new Set<string>();
      let batch: Array<{ device: ImportedDevice; line: number }> = [];
      for await (const { record, info } of body.pipe(limitBytes(MAX_IMPORT_BYTES)).pipe(csvParser())) {
        const line = info.lines as number;
        const parsed = parseImportRow(record, line);
        if (Array.isArray(parsed)) {
          addErrors(result, parsed);
          continue;
        }
        if (seen.has(parsed.serialNumber)) {
          addErrors(result, [
            {
              line,
              code: 'DUPLICATE_SERIAL',
              message: `Le numéro de série ${parsed.serialNumber} apparaît plusieurs fois dans le fichier.`,
            },
          ]);
          continue;
        }
        seen.add(parsed.serialNumber);
        if (result.errors.length) continue;
        batch.push({ device: parsed, line });
        if (batch.length >= BATCH_SIZE) {
          await this.upsertBatch(runner, collectiviteId, batch, result);
          batch = [];
        }
      }
      if (batch.length && !result.errors.length) await this.upsertBatch(runner, collectiviteId, batch, result);
      if (!seen.size && !result.errors.length)
        result.errors.push({ line: 1, code: 'EMPTY_FILE', message: 'Le fichier ne contient aucun appareil.' });
      if (result.errors.length) {
        await runner.rollbackTransaction();
        throw new SocleError(
          HttpStatus.UNPROCESSABLE_ENTITY,
          'IMPORT_REJECTED',
          `Import refusé : ${result.errors.length} ligne(s) en erreur. Corrigez-les puis renvoyez le fichier entier ; rien n'a été enregistré.`,
          { created: 0, updated: 0, errors: result.errors },
        );
      }
      await this.audit.record(runner.manager, actor, {
        action: 'device.import',
        entityType: 'device',
        summary: { created: result.created, updated: result.updated },
      });
      await runner.commitTransaction();
      return result;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw translateParseError(error);
    } finally {
      await runner.release();
    }
  }

  private async upsertBatch(
    runner: QueryRunner,
    collectiviteId: string,
    batch: Array<{ device: ImportedDevice; line: number }>,
    result: ImportResult,
  ) {
    const conflicts: Array<{ serial_number: string; os_family: string }> = await runner.query(
      `SELECT d.serial_number, d.os_family FROM devices d
         JOIN unnest($2::text[], $3::text[]) AS incoming(serial, os) ON incoming.serial = d.serial_number
        WHERE d.collectivite_id = $1 AND d.pack_id IS NOT NULL AND d.os_family <> incoming.os`,
      [collectiviteId, batch.map((row) => row.device.serialNumber), batch.map((row) => row.device.osFamily)],
    );
    if (conflicts.length) {
      const bySerial = new Map(conflicts.map((conflict) => [conflict.serial_number, conflict.os_family]));
      addErrors(
        result,
        batch
          .filter((row) => bySerial.has(row.device.serialNumber))
          .map((row) => ({
            line: row.line,
            code: 'PACK_OS_MISMATCH',
            message: `L'appareil ${row.device.serialNumber} est dans un pack ${bySerial.get(row.device.serialNumber)} : son système ne peut pas devenir ${row.device.osFamily}.`,
          })),
      );
      return;
    }
    const column = <K extends keyof ImportedDevice>(key: K) => batch.map((row) => row.device[key]);
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
  }
}

function csvParser() {
  return parse({
    bom: true,
    delimiter: [',', ';'],
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
    max_record_size: 64 * 1024,
    columns: (header: string[]) => {
      const names = header.map((name) => name.trim());
      const unknown = names.filter((name) => !(IMPORT_COLUMNS as readonly string[]).includes(name));
      const missing = REQUIRED_COLUMNS.filter((name) => !names.includes(name));
      if (unknown.length || missing.length) throw new HeaderError(unknown, missing);
      return names;
    },
  });
}

class HeaderError extends Error {
  constructor(
    readonly unknown: string[],
    readonly missing: readonly string[],
  ) {
    super('bad header');
  }
}

function translateParseError(error: unknown): unknown {
  if (error instanceof HeaderError) {
    const parts = [
      error.missing.length ? `colonnes manquantes : ${error.missing.join(', ')}` : '',
      error.unknown.length ? `colonnes inconnues : ${error.unknown.join(', ')}` : '',
    ].filter(Boolean);
    return new SocleError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'IMPORT_REJECTED',
      `En-tête du fichier invalide (${parts.join(' ; ')}). Colonnes attendues : ${IMPORT_COLUMNS.join(',')}.`,
      {
        created: 0,
        updated: 0,
        errors: [{ line: 1, code: 'HEADER_INVALID', message: parts.join(' ; ') }],
      },
    );
  }
  const code = (error as { code?: string })?.code;
  if (code === 'PAYLOAD_TOO_LARGE')
    return new SocleError(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'PAYLOAD_TOO_LARGE',
      'Fichier trop volumineux (50 Mo au plus) : découpez-le.',
    );
  if (typeof code === 'string' && code.startsWith('CSV_')) {
    const line = (error as { lines?: number }).lines ?? 0;
    return new SocleError(
      HttpStatus.UNPROCESSABLE_ENTITY,
      'IMPORT_REJECTED',
      `Fichier CSV illisible ligne ${line} : vérifiez les guillemets et séparateurs.`,
      {
        created: 0,
        updated: 0,
        errors: [{ line, code: 'CSV_MALFORMED', message: (error as Error).message }],
      },
    );
  }
  return error;
}

function addErrors(result: ImportResult, errors: ImportLineError[]): void {
  result.errors.push(...errors.slice(0, Math.max(0, MAX_REPORTED_ERRORS - result.errors.length)));
}

function limitBytes(max: number): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      if (total > max) return callback(Object.assign(new Error('payload too large'), { code: 'PAYLOAD_TOO_LARGE' }));
      callback(null, chunk);
    },
  });
}
