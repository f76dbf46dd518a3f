import { ApiClient } from '../support/api-client';
import {
  createClassroom,
  createPack,
  createSchool,
  createTenant,
  expectCreated,
  login,
  Tenant,
} from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';
import { dayAt } from '../support/eventually';

describe('The school world: school head, ERUN, reviewer', () => {
  let stack: TestStack;
  let town: Tenant;
  let otherTown: Tenant;
  let schoolA: { id: string };
  let schoolB: { id: string };
  let packA: { id: string };
  let packB: { id: string };
  let classroomA: { id: string };
  let classroomB: { id: string };
  let n = 0;

  async function person(role: string, schoolIds?: string[]): Promise<ApiClient> {
    const email = `${role}-${n++}-${Date.now()}@ville.test`;
    expectCreated(
      await town.admin.post(`/api/v1/collectivites/${town.collectiviteId}/users`, {
        email,
        password: 'mot-de-passe-solide',
        role,
        schoolIds,
      }),
      role,
    );
    return login(stack.api, email, 'mot-de-passe-solide');
  }

  const book = (client: ApiClient, packId: string, classroomId: string, day: number) =>
    client.post('/api/v1/sessions', {
      packId,
      classroomId,
      startsAt: dayAt(day, 9).toISOString(),
      endsAt: dayAt(day, 10).toISOString(),
    });

  beforeAll(async () => {
    stack = await startStack();
    [town, otherTown] = await Promise.all([createTenant(stack), createTenant(stack)]);
    [schoolA, schoolB] = await Promise.all([createSchool(town.technician), createSchool(town.technician)]);
    [packA, packB] = await Promise.all([
      createPack(town.technician, schoolA.id),
      createPack(town.technician, schoolB.id),
    ]);
    classroomA = await createClassroom(town.technician, schoolA.id, 'CE2 A');
    classroomB = await createClassroom(town.technician, schoolB.id, 'CE2 B');
  });
  afterAll(() => stack.close());

  it('a school head sees only their school, books for any of its classes and pilots its sessions', async () => {
    const head = await person('school_head', [schoolA.id]);
    const schools = await head.get('/api/v1/schools');
    expect(schools.body.items.map((school: { id: string }) => school.id)).toEqual([schoolA.id]);
    expect((await head.get(`/api/v1/packs/${packB.id}`)).status).toBe(404);
    expect((await book(head, packB.id, classroomB.id, 3)).status).toBe(404);
    const teacher = await person('teacher', [schoolA.id]);
    const teachersBooking = expectCreated(await book(teacher, packA.id, classroomA.id, 4), 'session');
    expect((await book(head, packA.id, classroomA.id, 5)).status).toBe(201);
    // The head helps with the teacher's booking (here: cancels it before it starts).
    expect((await head.post(`/api/v1/sessions/${teachersBooking.id}/end`)).status).toBe(200);
  });

  it('a school head reads the reports of their school only', async () => {
    const head = await person('school_head', [schoolA.id]);
    const socle = await head.get('/api/v1/reports/socle');
    expect(socle.status).toBe(200);
    expect(socle.body.parameters.schoolId).toBe(schoolA.id);
    expect((await head.get(`/api/v1/reports/socle?schoolId=${schoolB.id}`)).status).toBe(404);
    const twoSchools = await person('school_head', [schoolA.id, schoolB.id]);
    expect((await twoSchools.get('/api/v1/reports/fleet-health')).body.code).toBe('SCHOOL_ID_REQUIRED');
    expect((await twoSchools.get(`/api/v1/reports/fleet-health?schoolId=${schoolB.id}`)).status).toBe(200);
  });

  it('an ERUN reads every school but books and pilots only in theirs', async () => {
    const erun = await person('erun', [schoolA.id]);
    const schools = await erun.get('/api/v1/schools?limit=500');
    expect(schools.body.items.map((school: { id: string }) => school.id)).toEqual(
      expect.arrayContaining([schoolA.id, schoolB.id]),
    );
    expect((await erun.get(`/api/v1/packs/${packB.id}`)).status).toBe(200);
    const refused = await book(erun, packB.id, classroomB.id, 6);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('SCHOOL_NOT_YOURS');
    expect((await book(erun, packA.id, classroomA.id, 6)).status).toBe(201);
    const teacherB = await person('teacher', [schoolB.id]);
    const elsewhere = expectCreated(await book(teacherB, packB.id, classroomB.id, 7), 'session');
    expect((await erun.post(`/api/v1/sessions/${elsewhere.id}/end`)).body.code).toBe('SESSION_NOT_YOURS');
    expect((await erun.post('/api/v1/schools', { uai: '0750655E', name: 'x', classCount: 2 })).status).toBe(403);
  });

  it('a reviewer reads every report of the collectivité, counts only, and nothing else', async () => {
    const reviewer = await person('reviewer');
    const health = await reviewer.get('/api/v1/reports/fleet-health');
    expect(health.status).toBe(200);
    expect(JSON.stringify(health.body)).not.toMatch(/serialNumber|deviceId/);
    expect((await reviewer.get('/api/v1/reports/socle')).status).toBe(200);
    for (const path of ['/api/v1/devices', `/api/v1/packs/${packA.id}`, '/api/v1/schools', '/api/v1/sessions']) {
      expect({ path, status: (await reviewer.get(path)).status }).toEqual({ path, status: 403 });
    }
  });

  it('a role outside the school world cannot be given schools; another collectivité’s schools are refused', async () => {
    const refused = await town.admin.post(`/api/v1/collectivites/${town.collectiviteId}/users`, {
      email: `rev-${Date.now()}@ville.test`,
      password: 'mot-de-passe-solide',
      role: 'reviewer',
      schoolIds: [schoolA.id],
    });
    expect(refused.body.code).toBe('SCHOOLS_ONLY_FOR_TEACHERS');
    const foreign = await otherTown.admin.post(`/api/v1/collectivites/${otherTown.collectiviteId}/users`, {
      email: `dir-${Date.now()}@ville.test`,
      password: 'mot-de-passe-solide',
      role: 'school_head',
      schoolIds: [schoolA.id],
    });
    expect(foreign.status).toBe(404);
  });
});
