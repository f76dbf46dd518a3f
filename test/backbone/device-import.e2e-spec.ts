import { createTenant, Tenant } from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

const HEADER = 'serialNumber,model,osFamily,deviceKind,purchaseDate,warrantyEnd,supplier,maintenanceMode,refurbished';

describe('Supplier delivery import (CSV)', () => {
  let stack: TestStack;
  let town: Tenant;

  beforeAll(async () => {
    stack = await startStack();
    town = await createTenant(stack);
  });
  afterAll(() => stack.close());

  const importCsv = (csv: string, client = town.technician) => client.post('/api/v1/devices/import', csv, 'text/csv');
  const countDevices = async () =>
    (
      await stack.dataSource.query('SELECT count(*)::int AS n FROM devices WHERE collectivite_id = $1', [
        town.collectiviteId,
      ])
    )[0].n;

  it('creates devices, then updates them on re-import instead of duplicating', async () => {
    const first = await importCsv(
      `${HEADER}\nDEL-001,iPad 10.9,ipados,tablet,2025-09-01,2028-09-01,UGAP,warranty_extension,non\nDEL-002,iPad 10.9,ipados,tablet,01/09/2025,01/09/2028,UGAP,,oui\n`,
    );
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ created: 2, updated: 0, errors: [] });
    const again = await importCsv(
      `${HEADER}\nDEL-002,iPad 10.9,ipados,tablet,2025-09-01,2029-09-01,Manutan,maintenance_contract,oui\nDEL-003,Chromebook,chromeos,laptop,,,,,\n`,
    );
    expect(again.body).toEqual({ created: 1, updated: 1, errors: [] });
    const [device] = await stack.dataSource.query(
      `SELECT warranty_end::text, supplier, maintenance_mode, refurbished, state FROM devices WHERE serial_number = 'DEL-002' AND collectivite_id = $1`,
      [town.collectiviteId],
    );
    expect(device).toEqual({
      warranty_end: '2029-09-01',
      supplier: 'Manutan',
      maintenance_mode: 'maintenance_contract',
      refurbished: true,
      state: 'registered',
    });
    expect(await countDevices()).toBe(3);
  });

  it('reads the semicolon-separated, BOM-prefixed files that French spreadsheets export', async () => {
    const csv = `\uFEFF${HEADER.replace(/,/g, ';')}\nSEMI-1;Galaxy Tab A9;android;tablet;2025-01-15;2027-01-15;Fournisseur;lease;false\n`;
    expect((await importCsv(csv)).body).toEqual({ created: 1, updated: 0, errors: [] });
  });

  it('rejects the whole file when any line is wrong, listing each error with its line number', async () => {
    const before = await countDevices();
    const csv = [
      HEADER,
      'OK-LINE-1,iPad,ipados,tablet,2025-09-01,2028-09-01,UGAP,,non',
      'BAD-OS,iPad,ios,tablet,,,,,',
      'BAD-DATE,iPad,ipados,tablet,2025-02-30,,,,',
      'OK-LINE-1,iPad,ipados,tablet,,,,,',
      '!,iPad,ipados,tablet,,,,,',
      'BAD-MODE,iPad,ipados,tablet,,,,garantie,peut-être',
    ].join('\n');
    const response = await importCsv(csv);
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('IMPORT_REJECTED');
    expect(response.body.errors.map((error: { line: number; code: string }) => [error.line, error.code])).toEqual([
      [3, 'OS_FAMILY_INVALID'],
      [4, 'DATE_INVALID'],
      [5, 'DUPLICATE_SERIAL'],
      [6, 'SERIAL_INVALID'],
      [7, 'MAINTENANCE_MODE_INVALID'],
      [7, 'REFURBISHED_INVALID'],
    ]);
    expect(response.body.errors[0].message).toContain('ios');
    expect(await countDevices()).toBe(before);
  });

  it('rejects a file with unknown or missing columns, or that is not CSV', async () => {
    const header = await importCsv('serial,os\nA,B\n');
    expect(header.status).toBe(422);
    expect(header.body.errors[0].code).toBe('HEADER_INVALID');
    expect(header.body.message).toContain('serialNumber');
    const quotes = await importCsv(`${HEADER}\n"UNCLOSED,iPad,ipados,tablet,,,,,\n`);
    expect(quotes.body.errors[0].code).toBe('CSV_MALFORMED');
    const json = await town.technician.post('/api/v1/devices/import', { serialNumber: 'X' });
    expect(json.status).toBe(415);
    const empty = await importCsv(`${HEADER}\n`);
    expect(empty.body.errors[0].code).toBe('EMPTY_FILE');
  });

  it('keeps each collectivité’s serial numbers apart', async () => {
    const other = await createTenant(stack);
    const csv = `${HEADER}\nSHARED-SERIAL,iPad,ipados,tablet,,,,,\n`;
    expect((await importCsv(csv)).body.created).toBe(1);
    expect((await importCsv(csv, other.technician)).body.created).toBe(1);
  });

  it('streams a large delivery in bounded batches', async () => {
    const lines = Array.from(
      { length: 3_000 },
      (_, index) => `BULK-${index},Tablette,android,tablet,2025-09-01,2028-09-01,UGAP,municipal_staff,non`,
    );
    const response = await importCsv(`${HEADER}\n${lines.join('\n')}\n`);
    expect(response.body).toEqual({ created: 3_000, updated: 0, errors: [] });
  });
});
