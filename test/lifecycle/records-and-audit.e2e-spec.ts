import { AuditService } from '@socle/audit';
import { AuditRetentionProcessor } from '../../apps/worker/src/processors/audit-retention.processor';
import { ApiClient } from '../support/api-client';
import {
  createPack,
  createSchool,
  createTeacher,
  createTenant,
  expectCreated,
  operator,
  Tenant,
} from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

const csvBody = (lines: string[]) => `\ufeff${lines.join('\r\n')}\r\n`;

/**
 * Purchase data edited in bulk, repairs, the model catalogue and the audit trail that records them;
 * then every new route against another collectivité and against garbage.
 */
describe('Purchase data, repairs, model catalogue and the audit log', () => {
  let stack: TestStack;
  let town: Tenant;
  let intruder: Tenant;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startStack();
    [town, intruder] = await Promise.all([createTenant(stack), createTenant(stack)]);
    const imported = await town.technician.post(
      '/api/v1/devices/import',
      csvBody([
        'serialNumber,model,osFamily,deviceKind,purchaseDate,warrantyEnd,supplier',
        'SN-A-001,iPad 10.9,ipados,tablet,01/09/2026,2029-08-31,Fournisseur',
        'SN-A-002,iPad 10.9,ipados,tablet,,,',
        'SN-A-003,iPad 10.9,ipados,tablet,,,',
      ]),
      'text/csv',
    );
    expect(imported.body).toMatchObject({ created: 3 });
    const rows = await stack.dataSource.query('SELECT id, serial_number FROM devices WHERE collectivite_id = $1', [
      town.collectiviteId,
    ]);
    for (const row of rows) ids[row.serial_number] = row.id;
  });
  afterAll(() => stack.close());

  const device = async (serial: string) => (await town.technician.get(`/api/v1/devices/${ids[serial]}`)).body;

  describe('purchase and maintenance data', () => {
    it('edits in bulk from a French spreadsheet (";", BOM, "389,90 €", DD/MM/YYYY), an empty cell leaving the field as it is', async () => {
      const answer = await town.technician.post(
        '/api/v1/purchase-data',
        csvBody([
          'serialNumber;inventoryNumber;fundingSource;purchasePrice;orderReference;maintenanceMode;maintenanceEnd;takeBackTerms;refurbished',
          'SN-A-001;INV-0001;snee;389,90 €;UGAP 2026-1234;warranty_extension;31/08/2031;Reprise un pour un par le titulaire;non',
          'SN-A-002;INV-0002;budget propre;1 249,00;Marché 2026-07;maintenance_contract;2030-06-30;;oui',
        ]),
        'text/csv',
      );
      expect(answer.body).toEqual({ updated: 2, unchanged: 0, errors: [] });
      expect(await device('SN-A-001')).toMatchObject({
        inventoryNumber: 'INV-0001',
        fundingSource: 'snee',
        purchasePrice: 389.9,
        orderReference: 'UGAP 2026-1234',
        maintenanceMode: 'warranty_extension',
        maintenanceEnd: '2031-08-31',
        takeBackTerms: 'Reprise un pour un par le titulaire',
        refurbished: false,
        purchaseDate: '2026-09-01',
        supplier: 'Fournisseur',
        warrantyEnd: '2029-08-31',
      });
      expect(await device('SN-A-002')).toMatchObject({
        fundingSource: 'own_budget',
        purchasePrice: 1249,
        refurbished: true,
        takeBackTerms: null,
      });
      const [audit] = await stack.dataSource.query(
        `SELECT actor_role, summary FROM audit_entries WHERE action = 'device.purchase_data.update' AND entity_id = $1`,
        [ids['SN-A-001']],
      );
      expect(audit.summary).toMatchObject({
        serialNumber: 'SN-A-001',
        before: { inventoryNumber: null, purchasePrice: null },
        after: { inventoryNumber: 'INV-0001', purchasePrice: 389.9 },
      });
      expect(audit.summary.before).not.toHaveProperty('purchaseDate');
    });

    it('exports the fleet as a CSV that comes back unchanged', async () => {
      const exported = await town.technician.download('/api/v1/purchase-data.csv');
      expect(exported.headers.get('content-disposition')).toContain('attachment');
      const text = exported.text;
      expect(text).toContain(
        'SN-A-001;INV-0001;2026-09-01;Fournisseur;UGAP 2026-1234;snee;389.9;false;warranty_extension;2031-08-31;2029-08-31;Reprise un pour un par le titulaire',
      );
      const again = await town.technician.post('/api/v1/purchase-data', text, 'text/csv');
      expect(again.body).toEqual({ updated: 0, unchanged: 3, errors: [] });
    });

    it('refuses a file with any bad line, names each line, and changes nothing', async () => {
      const before = await device('SN-A-003');
      const answer = await town.technician.post(
        '/api/v1/purchase-data',
        csvBody([
          'serialNumber,inventoryNumber,purchasePrice,fundingSource,purchaseDate,warrantyEnd',
          'SN-A-003,INV-0003,199,tne,,',
          'SN-INCONNU,,,,,',
          'SN-A-002,,deux cents,loto,2026-13-01,',
          'SN-A-001,INV-0002,,,,',
        ]),
        'text/csv',
      );
      expect(answer.status).toBe(422);
      expect(answer.body.code).toBe('IMPORT_REJECTED');
      expect(
        answer.body.errors.map((error: { line: number; code: string }) => `${error.line}:${error.code}`).sort(),
      ).toEqual(
        [
          '3:DEVICE_NOT_FOUND',
          '4:DATE_INVALID',
          '4:FUNDING_SOURCE_INVALID',
          '4:PRICE_INVALID',
          '5:INVENTORY_NUMBER_TAKEN',
        ].sort(),
      );
      expect(await device('SN-A-003')).toEqual(before);
      const taken = await town.technician.post(
        '/api/v1/purchase-data',
        csvBody(['serialNumber,inventoryNumber', 'SN-A-003,INV-0001']),
        'text/csv',
      );
      expect(taken.body.errors).toEqual([
        {
          line: 2,
          code: 'INVENTORY_NUMBER_TAKEN',
          message: "Le numéro d'inventaire INV-0001 est déjà celui de l'appareil SN-A-001.",
        },
      ]);
      const header = await town.technician.post(
        '/api/v1/purchase-data',
        csvBody(['serial,prix', 'SN-A-003,10']),
        'text/csv',
      );
      expect(header.body.errors[0].code).toBe('HEADER_INVALID');
    });

    it('edits one device from its page with the same rules', async () => {
      const answer = await town.technician.patch(`/api/v1/devices/${ids['SN-A-003']}/purchase-data`, {
        purchasePrice: 410.5,
        fundingSource: 'enir',
        maintenanceMode: 'lease',
        maintenanceEnd: '2029-12-31',
      });
      expect(answer.body).toEqual({ updated: 1, unchanged: 0, errors: [] });
      expect(await device('SN-A-003')).toMatchObject({
        purchasePrice: 410.5,
        fundingSource: 'enir',
        maintenanceMode: 'lease',
        maintenanceEnd: '2029-12-31',
      });
      const taken = await town.technician.patch(`/api/v1/devices/${ids['SN-A-003']}/purchase-data`, {
        inventoryNumber: 'INV-0002',
      });
      expect(taken.status).toBe(422);
    });
  });

  describe('repairs', () => {
    it('opens and resolves an incident, and the device history adds up its cost', async () => {
      const opened = await town.technician.post(`/api/v1/devices/${ids['SN-A-001']}/incidents`, {
        kind: 'screen',
        description: 'Écran fissuré après une chute',
        openedOn: '2026-10-02',
      });
      expect(opened.status).toBe(201);
      ids.incident = opened.body.id;
      const early = await town.technician.patch(`/api/v1/devices/${ids['SN-A-001']}/incidents/${ids.incident}`, {
        resolvedOn: '2026-10-01',
      });
      expect(early.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
      const resolved = await town.technician.patch(`/api/v1/devices/${ids['SN-A-001']}/incidents/${ids.incident}`, {
        resolvedOn: '2026-10-09',
        cost: 129.9,
        resolution: 'Vitre remplacée',
        repairer: 'Atelier municipal',
      });
      expect(resolved.body).toMatchObject({
        kind: 'screen',
        openedOn: '2026-10-02',
        resolvedOn: '2026-10-09',
        cost: 129.9,
      });
      await town.technician.post(`/api/v1/devices/${ids['SN-A-001']}/incidents`, {
        kind: 'battery',
        description: 'Ne tient plus la charge',
      });
      const history = (await town.technician.get(`/api/v1/devices/${ids['SN-A-001']}/history`)).body;
      expect(history.incidents).toHaveLength(2);
      expect(history.repairCost).toBe(129.9);
      expect(history.device).toMatchObject({ serialNumber: 'SN-A-001', inventoryNumber: 'INV-0001' });
      expect(history.events.map((event: { action: string }) => event.action)).toEqual(
        expect.arrayContaining(['device.purchase_data.update']),
      );
      expect(history.retirement).toBeNull();
    });
  });

  describe('model catalogue', () => {
    it('describes models for the reports, one entry per name', async () => {
      const created = await town.technician.post('/api/v1/device-models', {
        name: 'iPad 10.9',
        osFamily: 'ipados',
        weightGrams: 477,
        screenInches: 10.9,
        lastSupportedOs: 'iPadOS 26',
        osSupportEnd: '2031-09-30',
      });
      expect(created.status).toBe(201);
      ids.model = created.body.id;
      expect((await town.technician.post('/api/v1/device-models', { name: 'iPad 10.9' })).body.code).toBe(
        'DEVICE_MODEL_EXISTS',
      );
      expect(
        (await town.technician.patch(`/api/v1/device-models/${ids.model}`, { weightGrams: 481 })).body,
      ).toMatchObject({ weightGrams: 481, screenInches: 10.9 });
      const spare = expectCreated(
        await town.technician.post('/api/v1/device-models', { name: 'Modèle retiré du catalogue' }),
        'model',
      );
      expect((await town.technician.delete(`/api/v1/device-models/${spare.id}`)).status).toBe(204);
      expect(
        (await town.technician.get('/api/v1/device-models')).body.items.map((model: { name: string }) => model.name),
      ).toEqual(['iPad 10.9']);
    });
  });

  describe('audit log', () => {
    it('filters by entity, user and time, newest first, page by page', async () => {
      const [technician] = await stack.dataSource.query(
        `SELECT id FROM users WHERE collectivite_id = $1 AND role = 'technician'`,
        [town.collectiviteId],
      );
      const all = (await town.admin.get(`/api/v1/audit-log?entity=device&entityId=${ids['SN-A-001']}`)).body.items;
      expect(all.map((entry: { action: string }) => entry.action)).toEqual(
        expect.arrayContaining(['device.purchase_data.update']),
      );
      expect(all.every((entry: { entityId: string }) => entry.entityId === ids['SN-A-001'])).toBe(true);
      const dates = all.map((entry: { occurredAt: string }) => entry.occurredAt);
      expect([...dates].sort().reverse()).toEqual(dates);

      const byUser = (await town.admin.get(`/api/v1/audit-log?user=${technician.id}&limit=500`)).body.items;
      expect(byUser.length).toBeGreaterThan(5);
      expect(
        byUser.every(
          (entry: { actorUserId: string; actorEmail: string; actorRole: string }) =>
            entry.actorUserId === technician.id &&
            entry.actorRole === 'technician' &&
            entry.actorEmail.startsWith('tech-'),
        ),
      ).toBe(true);
      expect(byUser.map((entry: { action: string }) => entry.action)).toEqual(
        expect.arrayContaining([
          'repair_incident.open',
          'repair_incident.resolve',
          'device_model.create',
          'device_model.delete',
          'device.import',
        ]),
      );

      const pages: string[][] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<{ id: string }>; nextCursor: string | null } = (
          await town.admin.get(`/api/v1/audit-log?user=${technician.id}&limit=4${cursor ? `&cursor=${cursor}` : ''}`)
        ).body;
        pages.push(page.items.map((entry) => entry.id));
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages.flat()).toEqual(byUser.map((entry: { id: string }) => entry.id));

      const future = (
        await town.admin.get(
          `/api/v1/audit-log?from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
        )
      ).body.items;
      expect(future).toEqual([]);
      const until = (
        await town.admin.get(
          `/api/v1/audit-log?action=device_model.&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`,
        )
      ).body.items;
      expect(until.map((entry: { action: string }) => entry.action).sort()).toEqual([
        'device_model.create',
        'device_model.create',
        'device_model.delete',
        'device_model.update',
      ]);
    });

    it('is for administrators, and has no route to edit or delete an entry', async () => {
      expect((await town.technician.get('/api/v1/audit-log')).status).toBe(403);
      const teacher = await createTeacher(stack, town, []);
      expect((await teacher.get('/api/v1/audit-log')).status).toBe(403);
      const [entry] = (await town.admin.get('/api/v1/audit-log?limit=1')).body.items;
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        const response = await town.admin.request(
          method,
          `/api/v1/audit-log/${entry.id}`,
          method === 'DELETE' ? undefined : { action: 'rien' },
        );
        expect({ method, status: response.status }).toEqual({ method, status: 404 });
      }
      expect((await town.admin.request('DELETE', '/api/v1/audit-log')).status).toBe(404);
      const platform = await operator(stack);
      const operatorView = (await platform.get(`/api/v1/audit-log?collectiviteId=${town.collectiviteId}&limit=500`))
        .body.items;
      expect(operatorView.length).toBeGreaterThan(10);
    });

    it('cannot be edited or deleted in the database either, except by the retention purge of old entries', async () => {
      const [entry] = await stack.dataSource.query('SELECT id FROM audit_entries WHERE collectivite_id = $1 LIMIT 1', [
        town.collectiviteId,
      ]);
      await expect(
        stack.dataSource.query(`UPDATE audit_entries SET action = 'falsifié' WHERE id = $1`, [entry.id]),
      ).rejects.toThrow(/immutable/);
      await expect(stack.dataSource.query('DELETE FROM audit_entries WHERE id = $1', [entry.id])).rejects.toThrow(
        /immutable/,
      );
      await expect(stack.dataSource.query('TRUNCATE audit_entries')).rejects.toThrow(/immutable/);
      // Setting the purge's own cut-off by hand does not open the door: only the purge function may delete.
      await expect(
        stack.dataSource.transaction(async (manager) => {
          await manager.query(`SELECT set_config('socle.audit_purge_before', (now() + interval '1 day')::text, true)`);
          await manager.query('DELETE FROM audit_entries WHERE id = $1', [entry.id]);
        }),
      ).rejects.toThrow(/immutable/);

      await stack.dataSource.query(
        `INSERT INTO audit_entries (occurred_at, actor_role, collectivite_id, action, entity_type, summary)
         SELECT now() - make_interval(days => d), 'system:test', $1, 'test.old', 'test', '{}' FROM unnest(ARRAY[400, 380, 300]) AS d`,
        [town.collectiviteId],
      );
      const job = (days: number) =>
        new AuditRetentionProcessor(
          stack.dataSource,
          { ...stack.config, auditRetentionDays: days },
          new AuditService(),
        );
      expect(await job(0).handle()).toEqual({ deleted: 0 });
      expect(await job(365).handle()).toEqual({ deleted: 2 });
      expect(await job(365).handle()).toEqual({ deleted: 0 });
      const left = await stack.dataSource.query(
        `SELECT count(*)::int AS n FROM audit_entries WHERE action = 'test.old'`,
      );
      expect(left).toEqual([{ n: 1 }]);
      const [purge] = await stack.dataSource.query(
        `SELECT actor_role, summary FROM audit_entries WHERE action = 'audit.purge'`,
      );
      expect(purge).toEqual({ actor_role: 'system:audit-retention', summary: { deleted: 2, retentionDays: 365 } });
      expect(
        (await stack.dataSource.query(`SELECT count(*)::int AS n FROM audit_entries WHERE id = $1`, [entry.id]))[0].n,
      ).toBe(1);
    });
  });

  describe('another collectivité and garbage', () => {
    beforeAll(async () => {
      const school = await createSchool(town.technician);
      ids.pack = (await createPack(town.technician, school.id)).id;
      const nothingToWipe = await town.technician.post(`/api/v1/devices/${ids['SN-A-002']}/retire`, {
        reason: 'Jamais livré en état de marche',
      });
      expect(nothingToWipe.body).toMatchObject({
        statusCode: 409,
        code: 'DEVICE_NEVER_ENROLLED',
        currentState: 'registered',
      });
      const reprise = await town.technician.post(`/api/v1/devices/${ids['SN-A-002']}/retire`, {
        reason: 'Jamais livré en état de marche',
        force: true,
      });
      expect(reprise.body.state).toBe('retired');
      ids.reprise = expectCreated(
        await town.technician.post('/api/v1/reprises', {
          kind: 'recycler',
          partyName: 'Recycleur SECRET',
          deviceIds: [ids['SN-A-002']],
        }),
        'reprise',
      ).id;
    });

    /** [name, call, what the answer may repeat because the caller sent it]. */
    const crossTenantCalls = (): Array<
      [string, (client: ApiClient) => Promise<{ status: number; body: unknown }>, string[]?]
    > => [
      [
        'retire',
        (client) =>
          client.post(`/api/v1/devices/${ids['SN-A-001']}/retire`, {
            reason: 'Volé dans la classe de CM2',
            force: true,
          }),
      ],
      ['retirement', (client) => client.get(`/api/v1/devices/${ids['SN-A-002']}/retirement`)],
      ['history', (client) => client.get(`/api/v1/devices/${ids['SN-A-001']}/history`)],
      [
        'purchase data',
        (client) => client.patch(`/api/v1/devices/${ids['SN-A-001']}/purchase-data`, { inventoryNumber: 'VOL-1' }),
      ],
      [
        'purchase data CSV',
        (client) =>
          client.post('/api/v1/purchase-data', csvBody(['serialNumber,inventoryNumber', 'SN-A-001,VOL-2']), 'text/csv'),
        ['SN-A-00'],
      ],
      [
        'open incident',
        (client) =>
          client.post(`/api/v1/devices/${ids['SN-A-001']}/incidents`, { kind: 'other', description: 'intrusion' }),
      ],
      ['list incidents', (client) => client.get(`/api/v1/devices/${ids['SN-A-001']}/incidents`)],
      [
        'resolve incident',
        (client) => client.patch(`/api/v1/devices/${ids['SN-A-001']}/incidents/${ids.incident}`, { cost: 1 }),
      ],
      [
        'reprise of my devices',
        (client) =>
          client.post('/api/v1/reprises', { kind: 'recycler', partyName: 'Intrus', deviceIds: [ids['SN-A-003']] }),
      ],
      ['get reprise', (client) => client.get(`/api/v1/reprises/${ids.reprise}`)],
      ['bordereau csv', (client) => client.get(`/api/v1/reprises/${ids.reprise}/bordereau.csv`)],
      ['bordereau pdf', (client) => client.get(`/api/v1/reprises/${ids.reprise}/bordereau.pdf`)],
      ['patch model', (client) => client.patch(`/api/v1/device-models/${ids.model}`, { weightGrams: 1 })],
      ['delete model', (client) => client.delete(`/api/v1/device-models/${ids.model}`)],
      ['audit of my device', (client) => client.get(`/api/v1/audit-log?entityId=${ids['SN-A-001']}`)],
      ['audit with my collectivité', (client) => client.get(`/api/v1/audit-log?collectiviteId=${town.collectiviteId}`)],
    ];

    it('answers another collectivité with 404 (or its own empty data), never ours, and changes nothing', async () => {
      const before = await snapshot(stack);
      for (const role of ['technician', 'admin'] as const) {
        for (const [name, call, echoed = []] of crossTenantCalls()) {
          const response = await call(intruder[role]);
          const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
          for (const secret of ['SN-A-00', 'INV-000', 'Recycleur SECRET', 'Écran fissuré'].filter(
            (secret) => !echoed.includes(secret),
          ))
            expect({ name, role, leaked: text.includes(secret) }).toEqual({ name, role, leaked: false });
          if (response.status === 200)
            expect({ name, items: (response.body as { items?: unknown[] }).items }).toEqual({ name, items: [] });
          else
            expect({ name, role, status: [403, 404, 422].includes(response.status) }).toEqual({
              name,
              role,
              status: true,
            });
        }
      }
      for (const path of ['/api/v1/reprises', '/api/v1/device-models']) {
        const own = (await intruder.technician.get(path)).body;
        expect(JSON.stringify(own)).not.toContain('SECRET');
        expect(own.items ?? own).toEqual([]);
      }
      const exported = await intruder.technician.download('/api/v1/purchase-data.csv');
      expect(exported.text).not.toContain('SN-A-00');
      expect(await snapshot(stack)).toEqual(before);
    });

    it('answers garbage on every new body route with 400 VALIDATION_FAILED, and writes nothing', async () => {
      const garbage: unknown[] = [
        {},
        [],
        'pas du json',
        { unexpected: true },
        {
          reason: 42,
          force: 'oui',
          kind: 'poubelle',
          deviceIds: 'tous',
          name: ['x'],
          cost: -5,
          resolvedOn: 'hier',
          purchasePrice: '12 €',
        },
        { description: 'x'.repeat(10_000), reason: 'x'.repeat(10_000), partyName: 'x'.repeat(10_000) },
      ];
      const routes: Array<[string, string, Record<string, unknown>]> = [
        ['POST', `/api/v1/devices/${ids['SN-A-003']}/retire`, { reason: 'Écran cassé' }],
        ['PATCH', `/api/v1/devices/${ids['SN-A-003']}/purchase-data`, { supplier: 'Fournisseur' }],
        ['POST', `/api/v1/devices/${ids['SN-A-003']}/incidents`, { kind: 'other', description: 'Panne' }],
        ['PATCH', `/api/v1/devices/${ids['SN-A-001']}/incidents/${ids.incident}`, { cost: 10 }],
        ['POST', '/api/v1/reprises', { kind: 'recycler', partyName: 'Recycleur', deviceIds: [ids['SN-A-003']] }],
        ['POST', '/api/v1/device-models', { name: 'Nouveau modèle' }],
        ['PATCH', `/api/v1/device-models/${ids.model}`, { weightGrams: 500 }],
      ];
      const before = await snapshot(stack);
      for (const [method, path, valid] of routes) {
        for (const body of [
          ...garbage,
          { ...valid, unexpected: true },
          { ...valid, collectiviteId: intruder.collectiviteId },
        ]) {
          const response = await town.technician.request<{ code: string }>(method, path, body);
          expect({ method, path, body, status: response.status, code: response.body?.code }).toEqual({
            method,
            path,
            body,
            status: 400,
            code: 'VALIDATION_FAILED',
          });
        }
      }
      for (const path of [
        '/api/v1/devices/123/retire',
        '/api/v1/reprises/abc',
        `/api/v1/devices/${ids['SN-A-001']}/incidents/nope`,
        '/api/v1/audit-log?from=hier',
        '/api/v1/audit-log?user=x',
        '/api/v1/audit-log?cursor=zz',
      ]) {
        const response = path.endsWith('/retire')
          ? await town.technician.post(path, { reason: 'Écran cassé' })
          : path.includes('/incidents/')
            ? await town.technician.patch(path, { cost: 1 })
            : await town.admin.get(path);
        expect({ path, status: response.status, code: response.body.code }).toEqual({
          path,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      const wrongType = await town.technician.post('/api/v1/purchase-data', { serialNumber: 'SN-A-001' });
      expect(wrongType.status).toBe(415);
      expect(await snapshot(stack)).toEqual(before);
    });
  });
});

async function snapshot(stack: TestStack): Promise<Record<string, unknown>> {
  const tables = [
    'devices',
    'device_retirements',
    'reprises',
    'reprise_devices',
    'repair_incidents',
    'device_models',
    'device_commands',
  ];
  const counts = await Promise.all(
    tables.map(async (table) => [
      table,
      (await stack.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n,
    ]),
  );
  const [devices] = await stack.dataSource.query(
    `SELECT md5(string_agg(concat_ws('|', id, state, inventory_number, purchase_price, funding_source, supplier, maintenance_mode), ',' ORDER BY id)) AS devices FROM devices`,
  );
  const [incidents] = await stack.dataSource.query(
    `SELECT md5(string_agg(concat_ws('|', id, cost, resolved_on), ',' ORDER BY id)) AS incidents FROM repair_incidents`,
  );
  const [models] = await stack.dataSource.query(
    `SELECT md5(string_agg(concat_ws('|', id, weight_grams), ',' ORDER BY id)) AS models FROM device_models`,
  );
  return { ...Object.fromEntries(counts), ...devices, ...incidents, ...models };
}
