import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Redis from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { DeviceKeyPair, generateDeviceKeyPair, SimulatedDevice } from '@socle/agent';
import { loadConfig, redisConnectionOptions, SocleConfig } from '@socle/core';
import { workerModule } from '../../apps/worker/src/worker.module';
import { ApiClient } from '../support/api-client';
import { createPack, expectCreated, issueToken, simulatedDevice } from '../support/factories';
import { TestStack } from '../support/test-stack';

/** A Redis prefix of this suite's own, under the run's prefix: deleting its keys cannot touch a suite running beside it. */
export function sessionSuitePrefix(suite: string): string {
  return `${process.env.SOCLE_REDIS_PREFIX ?? 'socle-test'}-${suite}`;
}

export async function startWorker(overrides: Partial<SocleConfig>): Promise<INestApplicationContext> {
  const worker = await NestFactory.createApplicationContext(workerModule(Object.assign(loadConfig(), overrides)), {
    logger: false,
  });
  await worker.init();
  return worker;
}

/** Polls until `done` accepts the value or `withinMs` passes; returns the last value, which the test asserts on. */
export async function eventually<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  withinMs = 20_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + withinMs;
  let value = await probe();
  while (!done(value) && Date.now() < deadline) {
    await sleep(everyMs);
    value = await probe();
  }
  return value;
}

/** Midnight UTC, `days` from today, plus `hours`: far enough ahead that no booking is in the past. */
export function dayAt(days: number, hours: number, minutes = 0): Date {
  const date = new Date();
  date.setUTCHours(0, 0, 0, 0);
  return new Date(date.getTime() + days * 86_400_000 + hours * 3_600_000 + minutes * 60_000);
}

let key: Promise<DeviceKeyPair> | undefined;

/** A pack enrolled through the real gateway (one RSA key shared by the simulated tablets), each checked in once. */
export async function enrolledPack(
  stack: TestStack,
  technician: ApiClient,
  schoolId: string,
  count: number,
  capacity: 10 | 12 | 15 = 10,
) {
  const pack = await createPack(technician, schoolId, 'ipados', capacity);
  const token = (await issueToken(technician, pack.id)).token;
  key ??= generateDeviceKeyPair();
  const keyPair = await key;
  const devices: SimulatedDevice[] = [];
  for (let index = 0; index < count; index++) {
    const device = simulatedDevice(stack, 'ipados');
    await device.enroll(token, keyPair);
    devices.push(device);
  }
  await Promise.all(devices.map((device) => device.checkIn()));
  const detail = (await technician.get(`/api/v1/packs/${pack.id}`)).body as {
    devices: Array<{ id: string; positionInPack: number }>;
  };
  const positions = new Map(detail.devices.map((device) => [device.id, device.positionInPack]));
  return { pack, devices, positionOf: (device: SimulatedDevice) => positions.get(device.deviceId!)! };
}

export async function createClassroom(technician: ApiClient, schoolId: string, name = 'CM1 A') {
  return expectCreated(
    await technician.post(`/api/v1/schools/${schoolId}/classrooms`, { name, level: 'CM1' }),
    'classroom',
  );
}

export const put = (client: ApiClient, path: string, body: unknown) => client.request<any>('PUT', path, body);

/** Every key of one prefix gone, as a FLUSHALL would do for this suite only (SCAN, not KEYS, on a shared Redis). */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<number> {
  const redis = new Redis(redisConnectionOptions(redisUrl));
  let deleted = 0;
  try {
    for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 1_000 }) as AsyncIterable<string[]>) {
      if (keys.length) deleted += await redis.unlink(...keys);
    }
  } finally {
    redis.disconnect();
  }
  return deleted;
}
