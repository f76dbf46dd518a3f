import {
  createPack,
  createSchool,
  createTenant,
  expectCreated,
  issueToken,
  randomUai,
  simulatedDevice,
  Tenant,
} from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

describe('Records a collectivité corrects and deletes; lists searched and sorted in French', () => {
  let stack: TestStack;
  let town: Tenant;
  let otherTown: Tenant;

  beforeAll(async () => {
    stack = await startStack();
    [town, otherTown] = await Promise.all([createTenant(stack), createTenant(stack)]);
  });
  afterAll(() => stack.close());

  const createCart = async (schoolId: string, label: string, slotCount: number, location: string) =>
    expectCreated(await town.technician.post('/api/v1/carts', { schoolId, label, slotCount, location }), 'cart');

  describe('schools', () => {
    it('corrects the class count and the bandwidth, audited; another collectivité gets 404', async () => {
      const school = await createSchool(town.technician, 8);
      const fixed = await town.technician.patch(`/api/v1/schools/${school.id}`, {
        classCount: 11,
        bandwidthMbps: 15.5,
      });
      expect(fixed.status).toBe(200);
      expect(fixed.body).toMatchObject({ classCount: 11, bandwidthMbps: 15.5, uai: school.uai });
      const cleared = await town.admin.patch(`/api/v1/schools/${school.id}`, { bandwidthMbps: null });
      expect(cleared.body.bandwidthMbps).toBeNull();
      const bad = await town.technician.patch(`/api/v1/schools/${school.id}`, { classCount: 0 });
      expect(bad.status).toBe(400);
      const [audit] = await stack.dataSource.query(
        `SELECT summary FROM audit_entries WHERE entity_id = $1 AND action = 'school.update' ORDER BY occurred_at LIMIT 1`,
        [school.id],
      );
      expect(audit.summary).toMatchObject({ before: { classCount: 8 }, after: { classCount: 11 } });
      expect((await otherTown.technician.patch(`/api/v1/schools/${school.id}`, { classCount: 3 })).status).toBe(404);
      expect((await otherTown.admin.delete(`/api/v1/schools/${school.id}`)).status).toBe(404);
    });

    it('refuses to delete a school that holds a pack or a cart (409 SCHOOL_NOT_EMPTY), deletes an empty one', async () => {
      const withPack = await createSchool(town.technician);
      await createPack(town.technician, withPack.id);
      const refused = await town.technician.delete(`/api/v1/schools/${withPack.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body).toMatchObject({ code: 'SCHOOL_NOT_EMPTY', heldBy: 'packs' });
      expect(refused.body.message).toMatch(/des packs/);
      const withCart = await createSchool(town.technician);
      await createCart(withCart.id, 'Malle', 15, 'Salle 2');
      expect((await town.technician.delete(`/api/v1/schools/${withCart.id}`)).body.heldBy).toBe('carts');
      const empty = await createSchool(town.technician);
      await town.technician.post(`/api/v1/schools/${empty.id}/classrooms`, { name: 'CP', level: 'CP' });
      expect((await town.technician.delete(`/api/v1/schools/${empty.id}`)).status).toBe(204);
      expect((await town.technician.get(`/api/v1/schools/${empty.id}`)).status).toBe(404);
    });

    it('two deletes of one school at once: one 204, one 404', async () => {
      const school = await createSchool(town.technician);
      const answers = await Promise.all([
        town.technician.delete(`/api/v1/schools/${school.id}`),
        town.admin.delete(`/api/v1/schools/${school.id}`),
      ]);
      expect(answers.map((answer) => answer.status).sort()).toEqual([204, 404]);
    });

    it('a pack created while its school is deleted: the database lets only one win', async () => {
      const school = await createSchool(town.technician);
      const [pack, deletion] = await Promise.all([
        town.technician.post('/api/v1/packs', {
          schoolId: school.id,
          name: 'Pack course',
          deviceKind: 'tablet',
          osFamily: 'ipados',
          capacity: 10,
        }),
        town.admin.delete(`/api/v1/schools/${school.id}`),
      ]);
      const [{ count }] = await stack.dataSource.query(
        'SELECT count(*)::int AS count FROM packs WHERE school_id = $1',
        [school.id],
      );
      if (deletion.status === 204) expect(count).toBe(0);
      else expect([deletion.body.code, pack.status, count]).toEqual(['SCHOOL_NOT_EMPTY', 201, 1]);
    });

    it('searches by name or UAI and sorts names in French order, paging with an opaque cursor', async () => {
      const tenant = await createTenant(stack);
      for (const name of ['Zola', 'école Buisson', 'Écoles réunies', 'Ecole Arago', 'Alain']) {
        expectCreated(
          await tenant.technician.post('/api/v1/schools', {
            uai: randomUai(),
            name,
            classCount: 4,
          }),
          'school',
        );
      }
      const names = async (query: string) => {
        const collected: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { body: { items: { name: string }[]; nextCursor: string | null } } = await tenant.technician.get(
            `/api/v1/schools?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`,
          );
          collected.push(...page.body.items.map((school) => school.name));
          cursor = page.body.nextCursor;
        } while (cursor);
        return collected;
      };
      expect(await names('sort=name')).toEqual(['Alain', 'Ecole Arago', 'école Buisson', 'Écoles réunies', 'Zola']);
      expect(await names('sort=-name')).toEqual(['Zola', 'Écoles réunies', 'école Buisson', 'Ecole Arago', 'Alain']);
      expect((await names('sort=-createdAt'))[0]).toBe('Alain');
      expect(await names('q=COLE&sort=name')).toEqual(['Ecole Arago', 'école Buisson', 'Écoles réunies']);
      const unknown = await tenant.technician.get('/api/v1/schools?sort=budget');
      expect(unknown.body.code).toBe('SORT_UNKNOWN');
      expect((await tenant.technician.get('/api/v1/schools?cursor=pas-un-curseur')).body.code).toBe('CURSOR_INVALID');
    });
  });

  describe('classrooms', () => {
    it('lists as {items, nextCursor}, renames, deletes; another collectivité gets 404', async () => {
      const school = await createSchool(town.technician);
      const cm1 = expectCreated(
        await town.technician.post(`/api/v1/schools/${school.id}/classrooms`, { name: 'CM1', level: 'CM1' }),
        'classroom',
      );
      await town.technician.post(`/api/v1/schools/${school.id}/classrooms`, { name: 'CP', level: 'CP' });
      const list = await town.technician.get(`/api/v1/schools/${school.id}/classrooms`);
      expect(list.body.items.map((c: { level: string }) => c.level)).toEqual(['CP', 'CM1']);
      expect(list.body.nextCursor).toBeNull();
      const renamed = await town.technician.patch(`/api/v1/classrooms/${cm1.id}`, { name: 'CM1 de M. Petit' });
      expect(renamed.body.name).toBe('CM1 de M. Petit');
      expect((await town.technician.patch(`/api/v1/classrooms/${cm1.id}`, { name: 'CP' })).body.code).toBe(
        'CLASSROOM_NAME_TAKEN',
      );
      expect((await otherTown.technician.delete(`/api/v1/classrooms/${cm1.id}`)).status).toBe(404);
      expect((await town.technician.delete(`/api/v1/classrooms/${cm1.id}`)).status).toBe(204);
      expect((await town.technician.delete(`/api/v1/classrooms/${cm1.id}`)).status).toBe(404);
    });
  });

  describe('packs and carts', () => {
    it('refuses to delete a pack with devices (409 PACK_NOT_EMPTY), or held by a cart; deletes an empty one', async () => {
      const school = await createSchool(town.technician);
      const pack = await createPack(town.technician, school.id, 'ipados', 10);
      const token = await issueToken(town.technician, pack.id);
      await simulatedDevice(stack).enroll(token.token);
      const refused = await town.technician.delete(`/api/v1/packs/${pack.id}`);
      expect(refused.status).toBe(409);
      expect(refused.body.code).toBe('PACK_NOT_EMPTY');
      const inCart = await createPack(town.technician, school.id, 'ipados', 10);
      const cart = await createCart(school.id, 'Malle A', 10, 'Salle 1');
      expect(
        (await town.technician.request('PUT', `/api/v1/carts/${cart.id}/pack`, { packId: inCart.id })).status,
      ).toBe(200);
      expect((await town.technician.delete(`/api/v1/packs/${inCart.id}`)).body.code).toBe('PACK_IN_CART');
      const empty = await createPack(town.technician, school.id);
      await issueToken(town.technician, empty.id);
      expect((await otherTown.technician.delete(`/api/v1/packs/${empty.id}`)).status).toBe(404);
      expect((await town.technician.delete(`/api/v1/packs/${empty.id}`)).status).toBe(204);
      expect((await town.technician.get(`/api/v1/packs/${empty.id}`)).status).toBe(404);
    });

    it('corrects a cart, refuses fewer slots than its pack, deletes it (the pack stays)', async () => {
      const school = await createSchool(town.technician);
      const pack = await createPack(town.technician, school.id, 'ipados', 12);
      const cart = await createCart(school.id, 'Malle B', 15, 'Salle 3');
      await town.technician.request('PUT', `/api/v1/carts/${cart.id}/pack`, { packId: pack.id });
      const moved = await town.technician.patch(`/api/v1/carts/${cart.id}`, {
        location: 'Salle 4',
        options: { sync: true },
      });
      expect(moved.body).toMatchObject({ location: 'Salle 4', hasSync: true, label: 'Malle B' });
      const tooSmall = await town.technician.patch(`/api/v1/carts/${cart.id}`, { slotCount: 10 });
      expect(tooSmall.status).toBe(409);
      expect(tooSmall.body.code).toBe('CART_TOO_SMALL');
      expect((await otherTown.technician.patch(`/api/v1/carts/${cart.id}`, { label: 'x' })).status).toBe(404);
      expect((await town.technician.delete(`/api/v1/carts/${cart.id}`)).status).toBe(204);
      expect((await town.technician.get(`/api/v1/packs/${pack.id}`)).status).toBe(200);
      expect((await town.technician.delete(`/api/v1/packs/${pack.id}`)).status).toBe(204);
    });

    it('finds a device by serial or inventory number', async () => {
      const school = await createSchool(town.technician);
      const pack = await createPack(town.technician, school.id, 'ipados', 10);
      const token = await issueToken(town.technician, pack.id, { maxUses: 2 });
      const serial = `SERIE-${Date.now()}`;
      await simulatedDevice(stack, 'ipados', serial).enroll(token.token);
      await simulatedDevice(stack).enroll(token.token);
      const found = await town.technician.get(`/api/v1/devices?q=${serial.toLowerCase()}`);
      expect(found.body.items.map((device: { serialNumber: string }) => device.serialNumber)).toEqual([serial]);
      await stack.dataSource.query(`UPDATE devices SET inventory_number = 'INV-42-X' WHERE serial_number = $1`, [
        serial,
      ]);
      const byInventory = await town.technician.get('/api/v1/devices?q=inv-42');
      expect(byInventory.body.items).toHaveLength(1);
      expect((await otherTown.technician.get(`/api/v1/devices?q=${serial}`)).body.items).toEqual([]);
      const percent = await town.technician.get('/api/v1/devices?q=%25');
      expect(percent.body.items).toEqual([]);
    });
  });

  it('answers every list as {items, nextCursor}', async () => {
    const school = await createSchool(town.technician);
    const pack = await createPack(town.technician, school.id);
    for (const path of [
      '/api/v1/device-models',
      `/api/v1/schools/${school.id}/classrooms`,
      `/api/v1/packs/${pack.id}/enrollment-tokens`,
      '/api/v1/schools',
      '/api/v1/packs',
      '/api/v1/carts',
      '/api/v1/devices',
    ]) {
      const answer = await town.technician.get(path);
      expect({ path, keys: Object.keys(answer.body).sort() }).toEqual({ path, keys: ['items', 'nextCursor'] });
    }
  });
});
