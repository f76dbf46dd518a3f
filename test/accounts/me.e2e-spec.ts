import { createSchool, createTeacher, createTenant, operator, Tenant } from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

describe('GET /auth/me', () => {
  let stack: TestStack;
  let town: Tenant;

  beforeAll(async () => {
    stack = await startStack();
    town = await createTenant(stack);
  });
  afterAll(() => stack.close());

  it('tells a teacher who they are and which schools they belong to', async () => {
    const school = await createSchool(town.technician);
    const teacher = await createTeacher(stack, town, [school.id]);
    const me = await teacher.get('/api/v1/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ role: 'teacher', collectiviteId: town.collectiviteId, schoolIds: [school.id] });
    expect(me.body.email).toMatch(/^prof-.*@ecole\.test$/);
    expect(me.body).not.toHaveProperty('passwordHash');
  });

  it('tells the operator it belongs to no collectivité', async () => {
    const me = await (await operator(stack)).get('/api/v1/auth/me');
    expect(me.body).toMatchObject({ role: 'platform_admin', collectiviteId: null, schoolIds: [] });
  });

  it('asks for a token', async () => {
    const me = await stack.api.get('/api/v1/auth/me');
    expect(me.status).toBe(401);
    expect(me.body.code).toBe('UNAUTHENTICATED');
  });
});
