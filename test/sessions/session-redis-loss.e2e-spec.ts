import { INestApplicationContext } from '@nestjs/common';
import { Queue } from 'bullmq';
import { SimulatedDevice } from '@socle/agent';
import { Clock, jobId, JobName, QueueName, redisConnectionOptions } from '@socle/core';
import { ApiClient } from '../support/api-client';
import { eventually } from '../support/eventually';
import { createClassroom, createSchool, createTeacher, createTenant, enrollPack } from '../support/factories';
import { deleteKeysWithPrefix, suitePrefix } from '../support/redis-keys';
import { startStack, TestStack } from '../support/test-stack';
import { startWorker } from '../support/worker-context';

const MINUTE = 60_000;
/** 9:00 in Paris on a day of this suite's own (a year before the other session suite's). */
const NINE = new Date(Date.UTC(2089, 2, 14, 8, 0));
const at = (minutes: number, seconds = 0) => new Date(NINE.getTime() + minutes * MINUTE + seconds * 1000);
/** "On time": within a few reconcile intervals of the timetable, never at the next worker restart. */
const LATE_AT_MOST_MS = 20_000;

/**
 * Redis loses every key between the booking and the start, and again during the lesson: the
 * session still starts and ends on time, because PostgreSQL holds the timetable and the worker's
 * reconciler (ticking from its own timer, not from Redis) acts on it and re-arms the timed jobs.
 */
describe('A session when Redis forgets everything', () => {
  const overrides = {
    redisPrefix: suitePrefix('session-redis-loss'),
    reconcileIntervalSeconds: 1,
    returnCheckDelaySeconds: 5,
  };
  let stack: TestStack;
  let worker: INestApplicationContext;
  let queue: Queue;
  let teacher: ApiClient;
  let devices: SimulatedDevice[];
  let sessionId: string;

  beforeAll(async () => {
    stack = await startStack(overrides);
    worker = await startWorker(overrides);
    queue = new Queue(QueueName.Sessions, {
      connection: redisConnectionOptions(stack.config.redisUrl),
      prefix: overrides.redisPrefix,
    });
    Clock.travelTo(at(-10));
    const town = await createTenant(stack);
    const schoolId = (await createSchool(town.technician)).id;
    const classroom = await createClassroom(town.technician, schoolId);
    teacher = await createTeacher(stack, town, [schoolId]);
    const enrolled = await enrollPack(stack, town.technician, schoolId, 3, 10);
    devices = enrolled.devices;
    const booked = await teacher.post('/api/v1/sessions', {
      packId: enrolled.pack.id,
      classroomId: classroom.id,
      startsAt: at(0).toISOString(),
      endsAt: at(45).toISOString(),
    });
    expect(booked.status).toBe(201);
    sessionId = booked.body.id;
  }, 90_000);

  afterAll(async () => {
    Clock.reset();
    devices?.forEach((device) => device.stop());
    await queue?.close();
    await worker?.close();
    await stack?.close();
  });

  const session = async () => (await teacher.get(`/api/v1/sessions/${sessionId}`)).body;
  const startJobId = async () =>
    jobId(JobName.SessionStart, (await stack.dataSource.query('SELECT id FROM platform_instance'))[0].id, sessionId);

  it('loses the delayed start job with every other key of the instance', async () => {
    expect(await (await queue.getJob(await startJobId()))?.getState()).toBe('delayed');
    expect(await deleteKeysWithPrefix(stack.config.redisUrl, overrides.redisPrefix)).toBeGreaterThan(0);
    expect(await queue.getJob(await startJobId())).toBeUndefined();
    expect((await session()).status).toBe('scheduled');
  });

  it('still starts at 9:00, and the tablets get the overlay', async () => {
    Clock.travelTo(at(0, -3));
    const started = await eventually(
      () => session(),
      (body) => body.status === 'active',
      30_000,
    );
    expect(started.status).toBe('active');
    expect(new Date(started.startedAt).getTime() - at(0).getTime()).toBeLessThan(LATE_AT_MOST_MS);
    const outcomes = await Promise.all(devices.map((device) => device.checkIn()));
    expect(outcomes.map((outcome) => outcome.commands.map((command) => command.type))).toEqual(
      Array(3).fill(['session_start']),
    );
    expect(devices.every((device) => device.session?.sessionId === sessionId)).toBe(true);
  });

  it('still ends at 9:45 after Redis loses everything again mid-lesson, and checks the cart', async () => {
    expect(await deleteKeysWithPrefix(stack.config.redisUrl, overrides.redisPrefix)).toBeGreaterThan(0);
    Clock.travelTo(at(45, -3));
    const ended = await eventually(
      () => session(),
      (body) => body.status === 'ended',
      30_000,
    );
    expect(ended).toMatchObject({ status: 'ended', endReason: 'scheduled' });
    expect(new Date(ended.endedAt).getTime() - at(45).getTime()).toBeLessThan(LATE_AT_MOST_MS);
    await Promise.all(devices.map((device) => device.checkIn()));
    expect(devices.filter((device) => device.session !== null)).toEqual([]);
    const checked = await eventually(
      () => session(),
      (body) => body.returnCheck !== null,
      30_000,
    );
    // Nobody put the tablets back: all three are listed.
    expect(checked.returnCheck.notReturned).toHaveLength(3);
  });
});
