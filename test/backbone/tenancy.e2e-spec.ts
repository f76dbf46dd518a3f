import {
  createPack,
  createSchool,
  createTeacher,
  createTenant,
  login,
  operator,
  randomUai,
  Tenant,
} from '../support/factories';
import { PLATFORM_ADMIN, startStack, TestStack } from '../support/test-stack';

describe('Tenants, people and access', () => {
  let stack: TestStack;
  let town: Tenant;
  let otherTown: Tenant;

  beforeAll(async () => {
    stack = await startStack();
    [town, otherTown] = await Promise.all([createTenant(stack), createTenant(stack)]);
  });
  afterAll(() => stack.close());

  it('creates the platform administrator from the environment on first start, once', async () => {
    const [{ count }] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM users WHERE role = 'platform_admin'`,
    );
    expect(count).toBe(1);
    const [admin] = await stack.dataSource.query(`SELECT password_hash FROM users WHERE email = $1`, [
      PLATFORM_ADMIN.email,
    ]);
    expect(admin.password_hash).toMatch(/^\$argon2id\$/);
  });

  it('refuses a wrong password with a clear code, and the same answer for an unknown e-mail', async () => {
    const wrong = await stack.api.post('/api/v1/auth/login', { email: PLATFORM_ADMIN.email, password: 'pas-le-bon' });
    const unknown = await stack.api.post('/api/v1/auth/login', {
      email: 'personne@nulle.part',
      password: 'pas-le-bon',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body).toMatchObject({ statusCode: 401, code: 'INVALID_CREDENTIALS', message: wrong.body.message });
  });

  it('slows down failed login attempts on one account (see test/accounts/login-limits)', async () => {
    const free = stack.config.loginFreeFailuresPerAccount;
    const attempts = [];
    for (let attempt = 0; attempt < free + 2; attempt++) {
      attempts.push(
        (await stack.api.post('/api/v1/auth/login', { email: 'cible@ville.test', password: `essai-${attempt}` }))
          .status,
      );
    }
    expect(attempts.slice(0, free).every((status) => status === 401)).toBe(true);
    expect(attempts.slice(-1)[0]).toBe(429);
    const limited = await stack.api.post('/api/v1/auth/login', { email: 'cible@ville.test', password: 'encore' });
    expect(limited.body.code).toBe('LOGIN_SLOWED_DOWN');
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    // Another account from the same address is not locked out.
    expect(
      (await stack.api.post('/api/v1/auth/login', { email: town.adminEmail, password: 'mot-de-passe-solide' })).status,
    ).toBe(200);
  });

  it('asks for a token on every route but login and health', async () => {
    for (const path of ['/api/v1/schools', '/api/v1/packs', '/api/v1/devices']) {
      const response = await stack.api.get(path);
      expect(response.status).toBe(401);
      expect(response.body.code).toBe('UNAUTHENTICATED');
    }
    const forged = await stack.api.as('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.').get('/api/v1/schools');
    expect(forged.body.code).toBe('TOKEN_INVALID');
    expect((await stack.api.get('/api/health')).status).toBe(200);
  });

  describe('schools', () => {
    it('rejects a UAI whose check letter does not match its digits, and says which letter was expected', async () => {
      const good = randomUai();
      const wrongLetter = good.slice(0, 7) + (good[7] === 'A' ? 'B' : 'A');
      const response = await town.technician.post('/api/v1/schools', {
        uai: wrongLetter,
        name: 'École fausse',
        classCount: 5,
      });
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('UAI_INVALID');
      expect(response.body.message).toContain(`attendue : ${good[7]}`);
      const [{ count }] = await stack.dataSource.query('SELECT count(*)::int AS count FROM schools WHERE uai = $1', [
        wrongLetter,
      ]);
      expect(count).toBe(0);
    });

    it('normalises a lower-case UAI and refuses the same school twice', async () => {
      const uai = randomUai();
      const created = await town.technician.post('/api/v1/schools', {
        uai: uai.toLowerCase(),
        name: 'École des Tilleuls',
        classCount: 6,
      });
      expect(created.status).toBe(201);
      expect(created.body.uai).toBe(uai);
      const again = await otherTown.technician.post('/api/v1/schools', { uai, name: 'Doublon', classCount: 6 });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('SCHOOL_UAI_TAKEN');
    });

    it('creates classrooms with a level from PS to CM2 only', async () => {
      const school = await createSchool(town.technician);
      const created = await town.technician.post(`/api/v1/schools/${school.id}/classrooms`, {
        name: 'CM1 A',
        level: 'CM1',
      });
      expect(created.status).toBe(201);
      const wrong = await town.technician.post(`/api/v1/schools/${school.id}/classrooms`, {
        name: '6e B',
        level: '6E',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.code).toBe('VALIDATION_FAILED');
      expect(wrong.body.fields.map((field: { field: string }) => field.field)).toEqual(['level']);
      const list = await town.technician.get(`/api/v1/schools/${school.id}/classrooms`);
      expect(list.body.map((classroom: { name: string }) => classroom.name)).toEqual(['CM1 A']);
    });

    it('paginates with limit and cursor', async () => {
      const tenant = await createTenant(stack);
      const created = await Promise.all([1, 2, 3].map(() => createSchool(tenant.technician)));
      const first = await tenant.technician.get('/api/v1/schools?limit=2');
      expect(first.body.items).toHaveLength(2);
      const second = await tenant.technician.get(`/api/v1/schools?limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      const seen = [...first.body.items, ...second.body.items].map((school: { id: string }) => school.id).sort();
      expect(seen).toEqual(created.map((school) => school.id).sort());
    });
  });

  describe('roles', () => {
    it('lets only the operator create a collectivité', async () => {
      const response = await town.admin.post('/api/v1/collectivites', { name: 'Pirate', kind: 'commune' });
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('ROLE_FORBIDDEN');
    });

    it('never lets a collectivité admin create an operator, nor an account in another collectivité', async () => {
      const operatorRole = await town.admin.post(`/api/v1/collectivites/${town.collectiviteId}/users`, {
        email: 'x@y.test',
        password: 'mot-de-passe-solide',
        role: 'platform_admin',
      });
      expect(operatorRole.status).toBe(400);
      expect(operatorRole.body.code).toBe('VALIDATION_FAILED');
      const elsewhere = await town.admin.post(`/api/v1/collectivites/${otherTown.collectiviteId}/users`, {
        email: 'x@y.test',
        password: 'mot-de-passe-solide',
        role: 'technician',
      });
      expect(elsewhere.status).toBe(404);
      expect(elsewhere.body.code).toBe('COLLECTIVITE_NOT_FOUND');
    });

    it('shows a teacher only the schools and packs of their schools', async () => {
      const [mine, notMine] = await Promise.all([createSchool(town.technician), createSchool(town.technician)]);
      const [myPack, otherPack] = await Promise.all([
        createPack(town.technician, mine.id),
        createPack(town.technician, notMine.id),
      ]);
      const teacher = await createTeacher(stack, town, [mine.id]);
      const schools = await teacher.get('/api/v1/schools');
      expect(schools.body.items.map((school: { id: string }) => school.id)).toEqual([mine.id]);
      expect((await teacher.get(`/api/v1/schools/${notMine.id}`)).status).toBe(404);
      expect((await teacher.get(`/api/v1/packs/${myPack.id}`)).status).toBe(200);
      expect((await teacher.get(`/api/v1/packs/${otherPack.id}`)).status).toBe(404);
      const packs = await teacher.get('/api/v1/packs');
      expect(packs.body.items.map((pack: { id: string }) => pack.id)).toEqual([myPack.id]);
      expect(
        (
          await teacher.post('/api/v1/packs', {
            schoolId: mine.id,
            name: 'x',
            deviceKind: 'tablet',
            osFamily: 'ipados',
            capacity: 10,
          })
        ).status,
      ).toBe(403);
      expect((await teacher.get('/api/v1/devices')).status).toBe(403);
    });

    it('keeps the operator out of a collectivité’s fleet routes', async () => {
      const platform = await operator(stack);
      const response = await platform.get('/api/v1/schools');
      expect(response.status).toBe(403);
    });

    it('signs a disabled account out at once', async () => {
      const email = `parti-${Date.now()}@ville.test`;
      await town.admin.post(`/api/v1/collectivites/${town.collectiviteId}/users`, {
        email,
        password: 'mot-de-passe-solide',
        role: 'technician',
      });
      const leaving = await login(stack.api, email, 'mot-de-passe-solide');
      expect((await leaving.get('/api/v1/schools')).status).toBe(200);
      await stack.dataSource.query('UPDATE users SET disabled_at = now() WHERE email = $1', [email]);
      expect((await leaving.get('/api/v1/schools')).status).toBe(401);
    });
  });
});
