import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { SimulatedDevice } from '@socle/agent';
import { Clock, jobId, JobName, QueueName, redisConnectionOptions } from '@socle/core';
import { appleProfileFromBody } from '@socle/profiles';
import { ApiClient } from '../support/api-client';
import {
  createClassroom,
  createSchool,
  createTeacher,
  createTenant,
  enrollPack,
  expectCreated,
  Tenant,
} from '../support/factories';
import { eventually } from '../support/eventually';
import { suitePrefix } from '../support/redis-keys';
import { startStack, TestStack } from '../support/test-stack';
import { startWorker } from '../support/worker-context';

const MINUTE = 60_000;
/** 9:00 in Paris, on a day of its own: the suite moves the session clock there (other suites use other years). */
const NINE = new Date(Date.UTC(2090, 2, 14, 8, 0));
const at = (minutes: number) => new Date(NINE.getTime() + minutes * MINUTE);
const RETURN_DELAY_SECONDS = 600;

/**
 * The daily life of a classe mobile: a teacher books the pack, the lesson starts on time and locks
 * the tablets to its app, the teacher locks every screen and unlocks, the lesson ends, and the
 * tablets left out of the cart are listed. Time is the session clock's, moved by the test; the
 * timed jobs are BullMQ's delayed jobs, promoted when the clock reaches them.
 */
describe('Class sessions: a teacher locks the pack to the lesson', () => {
  const overrides = {
    redisPrefix: suitePrefix('class-sessions'),
    reconcileIntervalSeconds: 3600,
    returnCheckDelaySeconds: RETURN_DELAY_SECONDS,
  };
  let stack: TestStack;
  let worker: INestApplicationContext;
  let queue: Queue;
  let town: Tenant;
  let schoolId: string;
  let classroomId: string;
  let teacherA: ApiClient;
  let teacherB: ApiClient;
  let pack: { id: string };
  let devices: SimulatedDevice[];
  let positionOf: (device: SimulatedDevice) => number;
  let cartId: string;
  let appId: string;
  let baseProfileId: string;
  let sessionId: string;

  beforeAll(async () => {
    stack = await startStack(overrides);
    worker = await startWorker(overrides);
    queue = new Queue(QueueName.Sessions, {
      connection: redisConnectionOptions(stack.config.redisUrl),
      prefix: overrides.redisPrefix,
    });
    // The worker's first reconcile runs on the real clock; only then does the clock move to 2090, so that this
    // suite's reconciler never ends the sessions another suite runs in 2089 on the same database.
    await eventually(
      () => queue.getCompleted(),
      (jobs) => jobs.some((job) => job.name === JobName.SessionReconcile),
      20_000,
    );
    Clock.travelTo(at(-30));
    town = await createTenant(stack);
    schoolId = (await createSchool(town.technician)).id;
    classroomId = (await createClassroom(town.technician, schoolId, 'CM1 A')).id;
    [teacherA, teacherB] = [await createTeacher(stack, town, [schoolId]), await createTeacher(stack, town, [schoolId])];
    ({ pack, devices, positionOf } = await enrollPack(stack, town.technician, schoolId, 5, 10));
    const cart = expectCreated(
      await town.technician.post('/api/v1/carts', {
        schoolId,
        label: 'Chariot bleu',
        slotCount: 10,
        location: 'Salle 4',
      }),
      'cart',
    );
    cartId = cart.id;
    await town.technician.put(`/api/v1/carts/${cartId}/pack`, { packId: pack.id });
    appId = expectCreated(
      await town.technician.post('/api/v1/apps', {
        name: 'Book Creator',
        platform: 'ipados',
        identifier: 'com.bookcreator.bookcreator',
        category: 'book_creator',
      }),
      'app',
    ).id;
    baseProfileId = expectCreated(
      await town.technician.post('/api/v1/profiles', { name: 'Base du pack', restrictions: { allowCamera: false } }),
      'profile',
    ).id;
    await town.technician.post(`/api/v1/profiles/${baseProfileId}/assignments`, { packId: pack.id });
    await Promise.all(devices.map((device) => device.checkIn()));
  }, 90_000);

  afterAll(async () => {
    Clock.reset();
    devices?.forEach((device) => device.stop());
    await queue?.close();
    await worker?.close();
    await stack?.close();
  });

  const session = async (id = sessionId, client: ApiClient = teacherA) =>
    (await client.get(`/api/v1/sessions/${id}`)).body;
  const book = (client: ApiClient, packId: string, from: Date, to: Date, extra: Record<string, unknown> = {}) =>
    client.post('/api/v1/sessions', {
      packId,
      classroomId,
      startsAt: from.toISOString(),
      endsAt: to.toISOString(),
      ...extra,
    });
  const checkInAll = (list: SimulatedDevice[] = devices) => Promise.all(list.map((device) => device.checkIn()));

  /** The clock reaches a timed job: BullMQ's delayed job, found by its deterministic id, runs now. */
  async function reach(
    instant: Date,
    job: JobName.SessionStart | JobName.SessionEnd | JobName.SessionReturnCheck,
    id: string,
  ) {
    Clock.travelTo(instant);
    const [{ id: instance }] = await stack.dataSource.query('SELECT id FROM platform_instance');
    const delayed = await queue.getJob(jobId(job, instance, id));
    expect(await delayed?.getState()).toBe('delayed');
    await delayed!.promote();
  }

  it('books A’s 9:00–10:00 and refuses B’s 9:30–10:30 on the same pack, naming the slot in the way', async () => {
    const booked = await book(teacherA, pack.id, at(0), at(60), {
      allowedAppIds: [appId],
      allowedDomains: ['Lalilo.com', 'gar.education.fr'],
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      status: 'scheduled',
      mine: true,
      allowedDomains: ['lalilo.com', 'gar.education.fr'],
    });
    sessionId = booked.body.id;

    const refused = await book(teacherB, pack.id, at(30), at(90));
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({
      code: 'SESSION_OVERLAP',
      conflict: { sessionId, startsAt: at(0).toISOString(), endsAt: at(60).toISOString(), classroom: 'CM1 A' },
    });
    expect(refused.body.message).toContain('de 09:00 à 10:00');
    // Right after A's lesson is free.
    const after = await book(teacherB, pack.id, at(60), at(90));
    expect(after.status).toBe(201);
    expect((await teacherB.post(`/api/v1/sessions/${after.body.id}/end`)).body.status).toBe('cancelled');

    const calendar = await teacherB.get(
      `/api/v1/sessions?packId=${pack.id}&from=${at(-60).toISOString()}&to=${at(120).toISOString()}`,
    );
    expect(calendar.body.items.map((item: { id: string; mine: boolean }) => [item.id, item.mine])).toEqual([
      [sessionId, false],
      [after.body.id, true],
    ]);
  });

  it('holds the no-overlap rule in the database, even for bookings racing each other', async () => {
    const racers = await Promise.all(Array.from({ length: 4 }, () => createTeacher(stack, town, [schoolId])));
    const answers = await Promise.all(racers.map((teacher) => book(teacher, pack.id, at(120), at(180))));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409, 409]);
    const [{ classroom_id, teacher_id }] = await stack.dataSource.query(
      'SELECT classroom_id, teacher_id FROM class_sessions WHERE id = $1',
      [sessionId],
    );
    await expect(
      stack.dataSource.query(
        `INSERT INTO class_sessions (collectivite_id, school_id, pack_id, classroom_id, teacher_id, starts_at, ends_at, planned_ends_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $7)`,
        [town.collectiviteId, schoolId, pack.id, classroom_id, teacher_id, at(59), at(61)],
      ),
    ).rejects.toThrow(/xcl_class_sessions_pack_time/);
  });

  it('refuses a booking in the past, longer than a school day, or with an app of another platform', async () => {
    const past = await book(teacherA, pack.id, at(-120), at(-90));
    const long = await book(teacherA, pack.id, at(600), at(600 + 8 * 60 + 1));
    const androidApp = expectCreated(
      await town.technician.post('/api/v1/apps', {
        name: 'Lalilo',
        platform: 'android',
        identifier: 'com.lalilo.app',
        category: 'subject_software',
      }),
      'app',
    );
    const foreign = await book(teacherA, pack.id, at(600), at(660), { allowedAppIds: [androidApp.id] });
    const byTechnician = await book(town.technician, pack.id, at(600), at(660));
    expect([past, long, foreign, byTechnician].map((answer) => [answer.status, answer.body.code])).toEqual([
      [422, 'SESSION_IN_PAST'],
      [422, 'SESSION_TOO_LONG'],
      [422, 'APP_PLATFORM_MISMATCH'],
      [403, 'ROLE_FORBIDDEN'],
    ]);
  });

  it('starts A’s session at 9:00: the delayed job sends every tablet the overlay, which carries its own end', async () => {
    await reach(at(0), JobName.SessionStart, sessionId);
    expect(
      (
        await eventually(
          () => session(),
          (body) => body.status === 'active',
        )
      ).status,
    ).toBe('active');
    const [start] = await stack.dataSource.query(
      `SELECT actor_role FROM audit_entries WHERE action = 'session.start' AND entity_id = $1`,
      [sessionId],
    );
    expect(start.actor_role).toBe('system:session-start');

    const outcomes = await checkInAll();
    for (const outcome of outcomes) {
      const [command] = outcome.commands.filter((candidate) => candidate.type === 'session_start');
      expect(command.payload).toMatchObject({
        sessionId,
        endsAt: at(60).toISOString(),
        overlay: { encoding: 'base64', identifier: `fr.socle.session.${sessionId}` },
      });
      const profile = appleProfileFromBody(
        Buffer.from((command.payload!.overlay as { body: string }).body, 'base64'),
      ) as unknown as Record<string, any>;
      expect(profile.RemovalDate).toEqual(at(60));
      expect(profile.PayloadContent.map((payload: { PayloadType: string }) => payload.PayloadType)).toEqual([
        'com.apple.app.lock',
        'com.apple.webcontent-filter',
      ]);
      expect(profile.PayloadContent[0].App).toEqual({ Identifier: 'com.bookcreator.bookcreator' });
    }
    expect(devices.every((device) => device.session?.sessionId === sessionId)).toBe(true);
    expect((await session()).devices.map((device: { overlay: string }) => device.overlay)).toEqual(
      Array(5).fill('acknowledged'),
    );
  });

  it('locks every screen now (“Les yeux vers moi !”) and unlocks, only for the session’s teacher', async () => {
    const notYours = await teacherB.post(`/api/v1/sessions/${sessionId}/lock`, {});
    expect({ status: notYours.status, code: notYours.body.code }).toEqual({ status: 403, code: 'SESSION_NOT_YOURS' });

    const locked = await teacherA.post(`/api/v1/sessions/${sessionId}/lock`, {});
    expect(locked.body).toEqual({ sessionId, screensLocked: true, devices: 5 });
    const lockOutcomes = await checkInAll();
    expect(
      lockOutcomes.map((outcome) => outcome.commands.map((command) => [command.type, command.payload?.message])),
    ).toEqual(Array(5).fill([['lock', 'Les yeux vers moi !']]));
    expect(devices.every((device) => device.locked)).toBe(true);
    const states = await stack.dataSource.query('SELECT DISTINCT state FROM devices WHERE pack_id = $1', [pack.id]);
    expect(states).toEqual([{ state: 'locked' }]);

    expect((await teacherA.post(`/api/v1/sessions/${sessionId}/unlock`)).body).toEqual({
      sessionId,
      screensLocked: false,
      devices: 5,
    });
    await checkInAll();
    expect(devices.some((device) => device.locked)).toBe(false);
    expect((await session()).screensLocked).toBe(false);
  });

  it('sends one lock to each of 15 tablets at the same second, and none is dropped', async () => {
    const big = await enrollPack(stack, town.technician, schoolId, 15, 15);
    const booked = await book(teacherA, big.pack.id, at(5), at(50));
    await reach(at(5), JobName.SessionStart, booked.body.id);
    await eventually(
      () => session(booked.body.id),
      (body) => body.status === 'active',
    );
    await checkInAll(big.devices);
    const [first, second] = await Promise.all([
      teacherA.post(`/api/v1/sessions/${booked.body.id}/lock`, { message: 'Pause !' }),
      teacherA.post(`/api/v1/sessions/${booked.body.id}/lock`, {}),
    ]);
    expect([first.body.devices, second.body.devices]).toEqual([15, 15]);
    await checkInAll(big.devices);
    expect(big.devices.filter((device) => !device.locked)).toEqual([]);
    const [counts] = await stack.dataSource.query(
      `SELECT count(*) FILTER (WHERE c.status = 'acknowledged')::int AS acknowledged, count(*) FILTER (WHERE c.status IN ('pending', 'delivered'))::int AS open,
              count(DISTINCT c.device_id) FILTER (WHERE c.status = 'acknowledged')::int AS devices
         FROM class_session_commands l JOIN device_commands c ON c.id = l.command_id WHERE l.session_id = $1 AND l.type = 'lock'`,
      [booked.body.id],
    );
    // Two locks at once: each tablet runs every lock it was handed (15 or 30), none is left open.
    expect(counts.open).toBe(0);
    expect(counts.devices).toBe(15);
    expect(counts.acknowledged).toBeGreaterThanOrEqual(15);
    await teacherA.post(`/api/v1/sessions/${booked.body.id}/end`);
    await checkInAll(big.devices);
    expect(big.devices.filter((device) => device.locked || device.session)).toEqual([]);
    big.devices.forEach((device) => device.stop());
  });

  it('hands nothing stale to a tablet that stayed off all lesson', async () => {
    const small = await enrollPack(stack, town.technician, schoolId, 2, 10);
    const [present, absent] = small.devices;
    const booked = await book(teacherA, small.pack.id, at(10), at(40));
    await reach(at(10), JobName.SessionStart, booked.body.id);
    await eventually(
      () => session(booked.body.id),
      (body) => body.status === 'active',
    );
    await present.checkIn();
    await teacherA.post(`/api/v1/sessions/${booked.body.id}/lock`, {});
    await teacherA.post(`/api/v1/sessions/${booked.body.id}/end`);
    expect((await absent.checkIn()).commands).toEqual([]);
    // The lock it had not fetched yet is dropped with the session, and so is the unlock it no longer needs.
    expect((await present.checkIn()).commands.map((command) => command.type)).toEqual(['session_end']);
    expect([present.session, present.locked]).toEqual([null, false]);
    const ended = await session(booked.body.id);
    expect(
      ended.devices.map((device: { id: string; overlay: string; overlayRemoval: string | null }) => [
        device.id,
        device.overlay,
        device.overlayRemoval,
      ]),
    ).toEqual([
      [present.deviceId, 'acknowledged', 'acknowledged'],
      [absent.deviceId, 'superseded', null],
    ]);
    small.devices.forEach((device) => device.stop());
  });

  it('ends at 10:00: every tablet leaves the overlay and keeps its base profile', async () => {
    // Three tablets go back in the cart; tablets 4 and 5 stay on a table.
    const [back1, back2, back3] = devices;
    for (const device of [back1, back2, back3]) device.docked = true;
    await teacherA.post(`/api/v1/sessions/${sessionId}/lock`, {});
    await reach(at(60), JobName.SessionEnd, sessionId);
    expect(
      (
        await eventually(
          () => session(),
          (body) => body.status === 'ended',
        )
      ).endReason,
    ).toBe('scheduled');

    const outcomes = await checkInAll();
    expect(outcomes.map((outcome) => outcome.commands.map((command) => command.type).sort())).toEqual(
      Array(5).fill(['session_end', 'unlock']),
    );
    expect(devices.filter((device) => device.session || device.locked)).toEqual([]);
    expect(devices.every((device) => device.profiles.some((held) => held.id === baseProfileId))).toBe(true);
    const ended = await session();
    expect(
      ended.devices.map((device: { overlayRemoval: string; state: string }) => [device.overlayRemoval, device.state]),
    ).toEqual(Array(5).fill(['acknowledged', 'active']));
    expect((await town.technician.get(`/api/v1/profiles/${baseProfileId}/status`)).body.counts).toMatchObject({
      acknowledged: 5,
      pending: 0,
    });
  });

  it('lists the two tablets left out of the cart on the session and the cart, and tells the technician', async () => {
    await reach(new Date(at(60).getTime() + RETURN_DELAY_SECONDS * 1000 + 1000), JobName.SessionReturnCheck, sessionId);
    const checked = await eventually(
      () => session(),
      (body) => body.returnCheck !== null,
    );
    const left = devices.slice(3).map(positionOf).sort();
    expect(checked.returnCheck.notReturned.map((row: { message: string }) => row.message)).toEqual(
      left.map((position) => `tablette ${position} non rangée`),
    );

    const cart = (await town.technician.get(`/api/v1/carts/${cartId}`)).body;
    expect(
      cart.notReturned.devices.map((device: { message: string; slotNumber: number }) => [
        device.message,
        device.slotNumber,
      ]),
    ).toEqual(left.map((position) => [`tablette ${position} non rangée`, position]));
    const inbox = await town.technician.get('/api/v1/notifications?unread=true');
    const notice = inbox.body.items.find((item: { entityId: string }) => item.entityId === sessionId);
    expect(notice).toMatchObject({ kind: 'devices_not_returned', schoolId });
    expect(notice.body).toContain(`tablette ${left[0]} non rangée`);
    expect(notice.body).toContain('Chariot bleu');

    // Put back and charging, a tablet leaves the cart's list (it stays on the session's record).
    devices[3].docked = true;
    await devices[3].checkIn();
    const later = (await town.technician.get(`/api/v1/carts/${cartId}`)).body;
    expect(later.notReturned.devices.map((device: { id: string }) => device.id)).toEqual([devices[4].deviceId]);
    expect((await session()).returnCheck.notReturned).toHaveLength(2);
  });

  it('answers 403/404 to a teacher of another school, a technician of another collectivité, and a colleague on a session not theirs', async () => {
    const otherSchool = await createSchool(town.technician);
    const outsider = await createTeacher(stack, town, [otherSchool.id]);
    const otherClassroom = await createClassroom(town.technician, otherSchool.id, 'CP');
    const intruder = await createTenant(stack);
    const upcoming = (await book(teacherA, pack.id, at(240), at(300))).body.id;
    const before = await snapshot();
    const calls: Array<[string, () => Promise<{ status: number; body: any }>, number[]]> = [
      ['outsider books the pack', () => book(outsider, pack.id, at(400), at(460)), [404]],
      ['outsider reads the session', () => outsider.get(`/api/v1/sessions/${upcoming}`), [404]],
      ['outsider locks', () => outsider.post(`/api/v1/sessions/${upcoming}/lock`, {}), [404]],
      ['outsider ends', () => outsider.post(`/api/v1/sessions/${upcoming}/end`), [404]],
      [
        'A books a classroom of another school',
        () =>
          teacherA.post('/api/v1/sessions', {
            packId: pack.id,
            classroomId: otherClassroom.id,
            startsAt: at(400).toISOString(),
            endsAt: at(460).toISOString(),
          }),
        [404],
      ],
      ['intruder reads', () => intruder.technician.get(`/api/v1/sessions/${upcoming}`), [404]],
      ['intruder lists', () => intruder.technician.get(`/api/v1/sessions?packId=${pack.id}`), [200]],
      ['intruder locks', () => intruder.technician.post(`/api/v1/sessions/${upcoming}/lock`, {}), [403]],
      ['intruder reads the cart', () => intruder.technician.get(`/api/v1/carts/${cartId}`), [404]],
      ['intruder reads the notifications', () => intruder.technician.get('/api/v1/notifications'), [200]],
      [
        'intruder marks one read',
        () => intruder.technician.post(`/api/v1/notifications/${before.notificationId}/read`),
        [404],
      ],
      ['B locks A’s session', () => teacherB.post(`/api/v1/sessions/${upcoming}/lock`, {}), [403]],
      ['B unlocks A’s session', () => teacherB.post(`/api/v1/sessions/${upcoming}/unlock`), [403]],
      ['B ends A’s session', () => teacherB.post(`/api/v1/sessions/${upcoming}/end`), [403]],
    ];
    for (const [name, call, expected] of calls) {
      const response = await call();
      expect({ name, status: expected.includes(response.status) }).toEqual({ name, status: true });
      if (response.status === 200) expect({ name, items: response.body.items }).toEqual({ name, items: [] });
    }
    expect(await snapshot()).toEqual(before);
  });

  it('answers garbage on every session route with 400 VALIDATION_FAILED, writing nothing', async () => {
    const valid = { packId: pack.id, classroomId, startsAt: at(500).toISOString(), endsAt: at(560).toISOString() };
    const bodies: unknown[] = [
      {},
      [],
      'pas du json',
      { ...valid, unexpected: true },
      { ...valid, teacherId: town.collectiviteId },
      { ...valid, packId: 'x' },
      { ...valid, startsAt: 'demain 9h' },
      { ...valid, allowedAppIds: ['pas-un-uuid'] },
      { ...valid, allowedDomains: ['javascript:alert(1)'] },
      { ...valid, allowedDomains: 'lalilo.com' },
      { ...valid, allowedDomains: Array(51).fill('a.fr') },
      { ...valid, startsAt: 42 },
    ];
    const before = await snapshot();
    for (const body of bodies) {
      const response = await teacherA.request<{ code: string }>('POST', '/api/v1/sessions', body);
      expect({ body, status: response.status, code: response.body?.code }).toEqual({
        body,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    for (const body of [
      [],
      'pas du json',
      { message: '' },
      { message: 'x'.repeat(201) },
      { message: 42 },
      { unexpected: true },
    ]) {
      const response = await teacherA.request<{ code: string }>('POST', `/api/v1/sessions/${sessionId}/lock`, body);
      expect({ body, status: response.status, code: response.body?.code }).toEqual({
        body,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    for (const path of [
      '/api/v1/sessions/abc',
      '/api/v1/sessions/abc/lock',
      '/api/v1/sessions/abc/unlock',
      '/api/v1/sessions/abc/end',
      '/api/v1/sessions?from=hier',
      '/api/v1/sessions?packId=1',
      '/api/v1/notifications?unread=peut-etre',
      '/api/v1/notifications/abc/read',
    ]) {
      const client = path.includes('notifications') ? town.technician : teacherA;
      const response =
        path.includes('?') || path.endsWith('abc') ? await client.get(path) : await client.post(path, {});
      expect({ path, status: response.status, code: response.body?.code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  async function snapshot() {
    const [row] = await stack.dataSource.query(
      `SELECT (SELECT count(*) FROM class_sessions)::int AS sessions, (SELECT string_agg(id || status || screens_locked, ',' ORDER BY id) FROM class_sessions) AS states,
              (SELECT count(*) FROM device_commands)::int AS commands, (SELECT count(*) FROM notifications WHERE read_at IS NOT NULL)::int AS read,
              (SELECT id FROM notifications WHERE entity_id = $1) AS "notificationId"`,
      [sessionId],
    );
    return row;
  }
});
