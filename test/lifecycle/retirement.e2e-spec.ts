import { AgentHttpError, SimulatedDevice } from '@socle/agent';
import { DEVICE_TRANSITIONS } from '@socle/fleet';
import {
  createPack,
  createSchool,
  createTenant,
  expectCreated,
  issueToken,
  simulatedDevice,
  Tenant,
} from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';
import { pdfText } from '../support/pdf-text';
import { csvRows } from '../support/csv';
import { getText, opensslText } from '../support/tls';

/**
 * End of life under the DEEE rules: a retired device is wiped through the pipeline, shut out of the
 * gateway and listed in the CRL, then handed over in a reprise whose bordereau (CSV and PDF) proves
 * the wipe; the state machine and the schema refuse every shortcut.
 */
describe('Retiring devices and handing them back (reprises)', () => {
  let stack: TestStack;
  let town: Tenant;
  let devices: SimulatedDevice[];
  const [broken, healthy, dead, stubborn] = [0, 1, 2, 3];

  beforeAll(async () => {
    stack = await startStack();
    town = await createTenant(stack, 'Commune de Saint-Reprise');
    const school = await createSchool(town.technician);
    const pack = await createPack(town.technician, school.id, 'ipados', 10);
    const token = await issueToken(town.technician, pack.id);
    devices = Array.from({ length: 4 }, (_, index) =>
      simulatedDevice(stack, 'ipados', `RET-${index}-${Date.now().toString(36)}`),
    );
    for (const device of devices) await device.enroll(token.token);
    await Promise.all(devices.map((device) => device.checkIn()));
    await town.technician.patch(`/api/v1/devices/${devices[broken].deviceId}/purchase-data`, {
      inventoryNumber: 'INV-2026-0007',
    });
  });
  afterAll(async () => {
    devices.forEach((device) => device.stop());
    await stack.close();
  });

  const retire = (index: number, body: Record<string, unknown> = { reason: 'Écran cassé, réparation trop chère' }) =>
    town.technician.post(`/api/v1/devices/${devices[index].deviceId}/retire`, body);
  const deviceRow = async (index: number) =>
    (
      await stack.dataSource.query(
        'SELECT state, pack_id, pack_capacity, position_in_pack, certificate_id FROM devices WHERE id = $1',
        [devices[index].deviceId],
      )
    )[0];
  const refusedCheckIn = (device: SimulatedDevice) =>
    device.checkIn().then(
      () => undefined,
      (error: AgentHttpError) => error,
    );

  it('wipes a device through the agent, then revokes it: 401 at the next check-in, listed in the CRL, out of its pack', async () => {
    const asked = await retire(broken);
    expect(asked.status).toBe(202);
    expect(asked.body).toMatchObject({
      state: 'retiring',
      reason: 'Écran cassé, réparation trop chère',
      completedAt: null,
      wipe: { status: 'pending', acknowledgedAt: null },
    });
    expect((await deviceRow(broken)).state).toBe('retiring');

    const outcome = await devices[broken].checkIn();
    expect(outcome.commands.map((command) => command.type)).toEqual(['wipe']);
    expect(outcome.results[0].result.status).toBe('acknowledged');
    expect(devices[broken].wipes).toBe(1);

    const proof = (await town.technician.get(`/api/v1/devices/${devices[broken].deviceId}/retirement`)).body;
    expect(proof).toMatchObject({
      state: 'retired',
      forced: false,
      wipe: { commandId: asked.body.wipe.commandId, status: 'acknowledged', acknowledgement: 'acknowledged' },
    });
    expect(new Date(proof.wipe.acknowledgedAt).getTime()).toBeLessThanOrEqual(new Date(proof.completedAt).getTime());
    expect(await deviceRow(broken)).toMatchObject({
      state: 'retired',
      pack_id: null,
      pack_capacity: null,
      position_in_pack: null,
    });

    const refused = await refusedCheckIn(devices[broken]);
    expect(refused).toBeInstanceOf(AgentHttpError);
    expect((refused as AgentHttpError).status).toBe(401);

    const crl = await getText(`${stack.gatewayUrl}/v1/crl.pem`, stack.rootCaPem);
    const listed = crl
      .split(/(?=-----BEGIN X509 CRL-----)/)
      .map((pem) => opensslText(pem, 'crl'))
      .join('\n')
      .toUpperCase()
      .replace(/:/g, '');
    expect(listed).toContain(proof.certificateSerial.toUpperCase().replace(/^0+/, ''));
    expect(listed).toContain('CESSATION OF OPERATION');
  });

  it('answers 409 with the current state to an illegal transition, at the API and in the database', async () => {
    const again = await retire(broken);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ILLEGAL_STATE_TRANSITION', currentState: 'retired' });

    const transitions = await stack.dataSource.query('SELECT from_state, to_state FROM device_state_transitions');
    expect(
      transitions.map((row: { from_state: string; to_state: string }) => `${row.from_state}>${row.to_state}`).sort(),
    ).toEqual(DEVICE_TRANSITIONS.map(([from, to]) => `${from}>${to}`).sort());
    await expect(
      stack.dataSource.query(`UPDATE devices SET state = 'active' WHERE id = $1`, [devices[broken].deviceId]),
    ).rejects.toThrow(/cannot go from retired to active/);
    await expect(
      stack.dataSource.query(`UPDATE device_retirements SET reason = 'autre' WHERE device_id = $1`, [
        devices[broken].deviceId,
      ]),
    ).rejects.toThrow(/immutable/);
  });

  it('does not retire a device on an ordinary wipe (a technician resetting it)', async () => {
    const serialNumber = devices[healthy].serialNumber;
    expectCreated(
      await town.technician.post(`/api/v1/devices/${devices[healthy].deviceId}/commands`, {
        type: 'wipe',
        confirm: serialNumber,
      }),
      'wipe',
    );
    await devices[healthy].checkIn();
    expect(devices[healthy].wipes).toBe(1);
    expect((await deviceRow(healthy)).state).toBe('active');
    await expect(devices[healthy].checkIn()).resolves.toBeDefined();
  });

  it('forces the retirement of a dead device on a written reason, audited, without waiting for a wipe', async () => {
    const tooShort = await retire(dead, { reason: 'HS', force: true });
    expect(tooShort.status).toBe(400);
    expect(tooShort.body.code).toBe('VALIDATION_FAILED');
    expect((await deviceRow(dead)).state).toBe('active');

    const forced = await retire(dead, { reason: 'Tombée dans l’eau, ne démarre plus', force: true });
    expect(forced.status).toBe(202);
    expect(forced.body).toMatchObject({
      state: 'retired',
      forced: true,
      forcedReason: 'Tombée dans l’eau, ne démarre plus',
      wipe: { commandId: null, acknowledgedAt: null },
    });
    expect((await refusedCheckIn(devices[dead]))?.status).toBe(401);
    const [audit] = await stack.dataSource.query(
      `SELECT actor_role, summary FROM audit_entries WHERE action = 'device.retire.forced' AND entity_id = $1`,
      [devices[dead].deviceId],
    );
    expect(audit).toMatchObject({
      actor_role: 'technician',
      summary: { reason: 'Tombée dans l’eau, ne démarre plus', before: { state: 'active' }, certificateRevoked: true },
    });
  });

  it('queues the wipe again when the device refused it, and never twice while one is on its way', async () => {
    expect((await retire(stubborn)).status).toBe(202);
    const pending = await retire(stubborn);
    expect(pending.status).toBe(409);
    expect(pending.body).toMatchObject({ code: 'RETIREMENT_IN_PROGRESS', currentState: 'retiring' });

    devices[stubborn].nextResult = 'error';
    devices[stubborn].nextResultDetail = 'Effacement refusé : batterie trop faible';
    await devices[stubborn].checkIn();
    const failed = (await town.technician.get(`/api/v1/devices/${devices[stubborn].deviceId}/retirement`)).body;
    expect(failed).toMatchObject({
      state: 'retiring',
      wipe: { status: 'failed', lastError: 'Effacement refusé : batterie trop faible' },
    });

    const retried = await retire(stubborn);
    expect(retried.status).toBe(202);
    expect(retried.body.wipe.commandId).not.toBe(failed.wipe.commandId);
    await devices[stubborn].checkIn();
    expect((await deviceRow(stubborn)).state).toBe('retired');
  });

  describe('reprises', () => {
    let repriseId: string;

    it('hands the retired devices over, and its bordereau (CSV and PDF) lists each with its wipe proof', async () => {
      const created = await town.technician.post('/api/v1/reprises', {
        kind: 'recycler',
        partyName: 'Écosystème — collecte DEEE',
        slipNumber: 'BSD-2026-042',
        date: '2026-11-20',
        deviceIds: [devices[broken].deviceId, devices[dead].deviceId],
      });
      expect(created.status).toBe(201);
      repriseId = created.body.id;
      expect(created.body).toMatchObject({
        kind: 'recycler',
        slipNumber: 'BSD-2026-042',
        date: '2026-11-20',
        deviceCount: 2,
        collectiviteName: 'Commune de Saint-Reprise',
      });
      const states = await stack.dataSource.query('SELECT state FROM devices WHERE id = ANY($1::uuid[])', [
        [devices[broken].deviceId, devices[dead].deviceId],
      ]);
      expect(states.map((row: { state: string }) => row.state)).toEqual(['taken_back', 'taken_back']);
      const wipeCommandId = created.body.devices.find(
        (line: { serialNumber: string }) => line.serialNumber === devices[broken].serialNumber,
      ).wipeCommandId;

      const csv = await town.technician.download(`/api/v1/reprises/${repriseId}/bordereau.csv`);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      const rows = csvRows(csv.text);
      const header = rows[0];
      const line = (serial: string) =>
        Object.fromEntries(header.map((name, index) => [name, rows.find((row) => row.includes(serial))?.[index]]));
      expect(rows).toHaveLength(3);
      expect(line(devices[broken].serialNumber)).toMatchObject({
        slipNumber: 'BSD-2026-042',
        inventoryNumber: 'INV-2026-0007',
        wipeProof: 'wipe_acknowledged',
        wipeCommandId,
      });
      expect(line(devices[dead].serialNumber)).toMatchObject({
        wipeProof: 'forced_without_wipe',
        forcedReason: 'Tombée dans l’eau, ne démarre plus',
      });

      const pdf = await town.technician.download(`/api/v1/reprises/${repriseId}/bordereau.pdf`);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
      const extracted = pdfText(pdf.bytes);
      expect(extracted.pages).toBe(1);
      const text = extracted.text.replace(/\s+/g, ' ');
      for (const expected of [
        'BSD-2026-042',
        'Commune de Saint-Reprise',
        'Écosystème — collecte DEEE',
        devices[broken].serialNumber,
        'INV-2026-0007',
        devices[dead].serialNumber,
        wipeCommandId,
        'Effacement confirmé',
        'Retrait forcé',
      ]) {
        expect(text).toContain(expected);
      }
    });

    it('refuses a device that is not retired, and a device already in a reprise, writing nothing', async () => {
      const before = await stack.dataSource.query('SELECT count(*)::int AS reprises FROM reprises');
      const notRetired = await town.technician.post('/api/v1/reprises', {
        kind: 'distributor_take_back',
        partyName: 'Distributeur',
        deviceIds: [devices[healthy].deviceId, devices[stubborn].deviceId],
      });
      expect(notRetired.status).toBe(409);
      expect(notRetired.body).toMatchObject({
        code: 'DEVICE_NOT_RETIRED',
        devices: [{ id: devices[healthy].deviceId, currentState: 'active' }],
      });

      const twice = await town.technician.post('/api/v1/reprises', {
        kind: 'reuse_donation',
        partyName: 'Association de réemploi',
        deviceIds: [devices[broken].deviceId],
      });
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({
        code: 'DEVICE_ALREADY_IN_REPRISE',
        devices: [{ id: devices[broken].deviceId, repriseId }],
      });

      expect(
        (await stack.dataSource.query('SELECT state FROM devices WHERE id = $1', [devices[stubborn].deviceId]))[0]
          .state,
      ).toBe('retired');
      expect(await stack.dataSource.query('SELECT count(*)::int AS reprises FROM reprises')).toEqual(before);
      // The schema says it too, whatever the service does: one reprise per device, only taken_back devices.
      await expect(
        stack.dataSource.query(
          `INSERT INTO reprise_devices (device_id, reprise_id, collectivite_id) VALUES ($1, $2, $3)`,
          [devices[broken].deviceId, repriseId, town.collectiviteId],
        ),
      ).rejects.toThrow(/pk_reprise_devices/);
      await expect(
        stack.dataSource.query(
          `INSERT INTO reprise_devices (device_id, reprise_id, collectivite_id) VALUES ($1, $2, $3)`,
          [devices[stubborn].deviceId, repriseId, town.collectiviteId],
        ),
      ).rejects.toThrow(/fk_reprise_devices_device_taken_back/);
    });

    it('numbers the bordereau itself when the party gave no slip number, and lists the reprises', async () => {
      const created = await town.technician.post('/api/v1/reprises', {
        kind: 'distributor_take_back',
        partyName: 'Distributeur (un pour un)',
        deviceIds: [devices[stubborn].deviceId],
      });
      expect(created.status).toBe(201);
      expect(created.body.slipNumber).toMatch(/^SOCLE-\d{4}-[0-9A-F]{8}$/);
      const list = (await town.technician.get('/api/v1/reprises')).body;
      expect(list.items.map((item: { id: string }) => item.id).sort()).toEqual([repriseId, created.body.id].sort());
      const history = (await town.technician.get(`/api/v1/devices/${devices[stubborn].deviceId}/history`)).body;
      expect(history.reprise).toMatchObject({ id: created.body.id, kind: 'distributor_take_back' });
      expect(history.events.map((event: { action: string }) => event.action)).toEqual(
        expect.arrayContaining([
          'device.enroll',
          'device.retire',
          'device.retire.retry_wipe',
          'device.retire.complete',
          'device.take_back',
        ]),
      );
    });
  });
});
