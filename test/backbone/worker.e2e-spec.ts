import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getQueueToken } from '@nestjs/bullmq';
import { Queue, QueueEvents } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName, loadConfig, QueueName, redisConnectionOptions } from '@socle/core';
import { workerModule } from '../../apps/worker/src/worker.module';
import { createPack, createSchool, createTenant, issueToken } from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

describe('Worker: BullMQ processors against the real Redis', () => {
  let stack: TestStack;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    stack = await startStack();
    worker = await NestFactory.createApplicationContext(workerModule(loadConfig()), { logger: false });
    await worker.init();
  });
  afterAll(async () => {
    await worker.close();
    await stack.close();
  });

  it('schedules the token clean-up at start, and deletes only tokens dead for more than a month', async () => {
    const maintenance = worker.get<Queue>(getQueueToken(QueueName.Maintenance));
    expect((await maintenance.getJobSchedulers()).map((scheduler) => scheduler.key)).toContain(
      JobName.EnrollmentTokenCleanup,
    );

    const town = await createTenant(stack);
    const pack = await createPack(town.technician, (await createSchool(town.technician)).id);
    const [old, recent, alive] = await Promise.all([
      issueToken(town.technician, pack.id),
      issueToken(town.technician, pack.id),
      issueToken(town.technician, pack.id),
    ]);
    const dataSource = worker.get(DataSource);
    await dataSource.query(`UPDATE enrollment_tokens SET expires_at = now() - interval '31 days' WHERE id = $1`, [
      old.id,
    ]);
    await dataSource.query(`UPDATE enrollment_tokens SET expires_at = now() - interval '2 days' WHERE id = $1`, [
      recent.id,
    ]);

    const events = new QueueEvents(QueueName.Maintenance, {
      connection: redisConnectionOptions(stack.config.redisUrl),
      prefix: stack.config.redisPrefix,
    });
    await events.waitUntilReady();
    const job = await maintenance.add(JobName.EnrollmentTokenCleanup, {});
    expect(await job.waitUntilFinished(events, 30_000)).toEqual({ deleted: 1 });
    await events.close();

    const remaining = await dataSource.query('SELECT id FROM enrollment_tokens WHERE pack_id = $1', [pack.id]);
    expect(remaining.map((row: { id: string }) => row.id).sort()).toEqual([recent.id, alive.id].sort());
  });
});
