import { DataSource } from 'typeorm';
import { dataSourceOptions, schemaDiff } from '@socle/core';
import { createPack, createSchool, createTenant, issueToken, simulatedDevice, Tenant } from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

describe('Platform: schema, health, docs, invariants in the database', () => {
  let stack: TestStack;
  let town: Tenant;

  beforeAll(async () => {
    stack = await startStack();
    town = await createTenant(stack);
  });
  afterAll(() => stack.close());

  it('has migrations that match the entities exactly (generate-and-expect-empty)', async () => {
    const dataSource = await new DataSource(
      dataSourceOptions({ databaseUrl: process.env.SOCLE_DATABASE_URL! }),
    ).initialize();
    try {
      expect((await schemaDiff(dataSource)).up).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('reports PostgreSQL and Redis in /api/health', async () => {
    const health = await stack.api.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body.info).toMatchObject({ database: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves the OpenAPI description at /api/docs with the contract routes', async () => {
    const spec = await stack.api.get('/api/docs-json');
    expect(spec.status).toBe(200);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/schools',
      '/api/v1/packs/{id}/enrollment-tokens',
      '/api/v1/devices/import',
    ]) {
      expect(Object.keys(spec.body.paths)).toContain(path);
    }
    expect((await stack.api.get('/api/docs')).status).toBe(200);
  });

  it('tags every answer and error with a request id, reusing a sane incoming one', async () => {
    const mine = await fetch(`${stack.apiUrl}/api/v1/schools`, { headers: { 'x-request-id': 'ticket-42' } });
    expect(mine.headers.get('x-request-id')).toBe('ticket-42');
    expect(((await mine.json()) as { requestId: string }).requestId).toBe('ticket-42');
    const hostile = await fetch(`${stack.apiUrl}/api/v1/schools`, { headers: { 'x-request-id': 'x'.repeat(65) } });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes an audit entry in the same transaction as each change', async () => {
    const school = await createSchool(town.technician);
    const entries = await stack.dataSource.query(
      `SELECT action, actor_role, collectivite_id, request_id FROM audit_entries WHERE entity_id = $1`,
      [school.id],
    );
    expect(entries).toEqual([
      {
        action: 'school.create',
        actor_role: 'technician',
        collectivite_id: town.collectiviteId,
        request_id: expect.any(String),
      },
    ]);
  });

  describe('pack invariants', () => {
    it('refuses to change the OS of a pack that holds devices, but allows it on an empty pack', async () => {
      const school = await createSchool(town.technician);
      const empty = await createPack(town.technician, school.id, 'ipados', 10);
      const changed = await town.technician.patch(`/api/v1/packs/${empty.id}`, { osFamily: 'android' });
      expect(changed.status).toBe(200);
      expect(changed.body.osFamily).toBe('android');

      const full = await createPack(town.technician, school.id, 'ipados', 10);
      await simulatedDevice(stack, 'ipados').enroll((await issueToken(town.technician, full.id)).token);
      const refused = await town.technician.patch(`/api/v1/packs/${full.id}`, { osFamily: 'windows' });
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('PACK_NOT_EMPTY');
      expect((await town.technician.get(`/api/v1/packs/${full.id}`)).body.osFamily).toBe('ipados');
    });

    it('refuses to shrink a pack below the numbers its devices carry', async () => {
      const school = await createSchool(town.technician);
      const pack = await createPack(town.technician, school.id, 'android', 15);
      const token = (await issueToken(town.technician, pack.id)).token;
      for (let index = 0; index < 11; index++) await simulatedDevice(stack, 'android').enroll(token);
      const refused = await town.technician.patch(`/api/v1/packs/${pack.id}`, { capacity: 10 });
      expect(refused.body.code).toBe('PACK_CAPACITY_TOO_SMALL');
      expect((await town.technician.patch(`/api/v1/packs/${pack.id}`, { capacity: 12 })).status).toBe(200);
      const [{ pack_capacity }] = await stack.dataSource.query(
        'SELECT DISTINCT pack_capacity FROM devices WHERE pack_id = $1',
        [pack.id],
      );
      expect(pack_capacity).toBe(12);
    });

    it('holds capacity and same-OS in the schema itself, whatever the code does', async () => {
      const school = await createSchool(town.technician);
      const pack = await createPack(town.technician, school.id, 'ipados', 10);
      const insert = (serial: string, os: string, position: number) =>
        stack.dataSource.query(
          `INSERT INTO devices (collectivite_id, serial_number, os_family, device_kind, pack_id, pack_capacity, position_in_pack, state)
           VALUES ($1, $2, $3, 'tablet', $4, $5, $6, 'enrolled')`,
          [town.collectiviteId, serial, os, pack.id, 10, position],
        );
      for (let position = 1; position <= 10; position++) await insert(`RAW-${pack.id}-${position}`, 'ipados', position);
      await expect(insert(`RAW-${pack.id}-11`, 'ipados', 11)).rejects.toThrow(/chk_devices_pack_position/);
      await expect(insert(`RAW-${pack.id}-dup`, 'ipados', 3)).rejects.toThrow(/uq_devices_pack_position/);
      await expect(
        stack.dataSource.query(
          `UPDATE devices SET pack_capacity = 15, position_in_pack = 11 WHERE serial_number = $1`,
          [`RAW-${pack.id}-10`],
        ),
      ).rejects.toThrow(/fk_devices_pack_capacity/);
      await stack.dataSource.query('DELETE FROM devices WHERE serial_number = $1', [`RAW-${pack.id}-10`]);
      await expect(insert(`RAW-${pack.id}-android`, 'android', 10)).rejects.toThrow(/fk_devices_pack_os/);
    });
  });
});
