import { Job } from 'bullmq';
import { JobName } from '@socle/core';
import { JobDispatcher } from './job-dispatcher';
import { JobHandler } from './job-handler';

const handlerFor = (job: JobName, result: unknown = job): JobHandler => ({ job, handle: async () => result });
const everyJob = () => Object.values(JobName).map((name) => handlerFor(name));

describe('JobDispatcher', () => {
  it('refuses to start when a job has no handler', () => {
    expect(() => new JobDispatcher(everyJob().slice(1))).toThrow(/No handler for job/);
  });

  it('refuses to start when a job has two handlers', () => {
    expect(() => new JobDispatcher([...everyJob(), handlerFor(JobName.EnrollmentTokenCleanup)])).toThrow(
      /Two handlers/,
    );
  });

  it('hands each job to the handler named after it', async () => {
    const dispatcher = new JobDispatcher(everyJob());
    await expect(dispatcher.dispatch({ name: JobName.EnrollmentTokenCleanup } as Job)).resolves.toBe(
      JobName.EnrollmentTokenCleanup,
    );
    expect(() => dispatcher.dispatch({ name: 'nope', queueName: 'maintenance' } as Job)).toThrow(/Unknown job nope/);
  });
});
