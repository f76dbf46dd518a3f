import { SimulatedDevice } from '@socle/agent';
import { DataSource, QueryRunner } from 'typeorm';
import {
  createPack,
  createSchool,
  createTenant,
  expectCreated,
  issueToken,
  simulatedDevice,
  Tenant,
} from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

interface Statement {
  query: string;
  inTransaction: boolean;
  runner?: QueryRunner;
}

/**
 * Records every statement the gateway's pool sends while `work` runs (TypeORM hands each one to
 * its logger, with the query runner and whether it is inside a transaction). Only the gateway's
 * pool is watched: the api's background work cannot blur the count.
 */
async function statementsDuring(dataSource: DataSource, work: () => Promise<unknown>): Promise<Statement[]> {
  const logger = dataSource.logger;
  const original = logger.logQuery;
  const statements: Statement[] = [];
  logger.logQuery = function (query, parameters, runner) {
    statements.push({ query: query.trim(), inTransaction: Boolean(runner?.isTransactionActive), runner });
    return original.call(this, query, parameters, runner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return statements;
}

/**
 * One check-in is one transaction: the device row, every context's reaction (profiles, filtering,
 * compliance, dock state) and the hand-over commit together. Measured on a device with a profile,
 * a filtering policy and compliance rules, all in line, so that the check-in changes nothing.
 */
describe('A check-in that changes nothing', () => {
  let stack: TestStack;
  let town: Tenant;
  let device: SimulatedDevice;

  beforeAll(async () => {
    stack = await startStack();
    town = await createTenant(stack);
    const school = await createSchool(town.technician);
    const pack = await createPack(town.technician, school.id, 'ipados', 10);
    device = simulatedDevice(stack, 'ipados');
    device.commandHandlers.set('install_filtering', () => undefined);
    await device.enroll((await issueToken(town.technician, pack.id)).token);
    const profile = expectCreated(
      await town.technician.post('/api/v1/profiles', { name: 'Cycle 2', restrictions: { allowCamera: false } }),
      'profile',
    );
    expectCreated(
      await town.technician.post(`/api/v1/profiles/${profile.id}/assignments`, { packId: pack.id }),
      'assignment',
    );
    const policy = expectCreated(
      await town.technician.post('/api/v1/filtering-policies', { name: 'École', deniedDomains: ['jeux.example'] }),
      'policy',
    );
    expectCreated(
      await town.technician.post(`/api/v1/filtering-policies/${policy.id}/assignments`, { packId: pack.id }),
      'assignment',
    );
    const rules = await town.admin.request('PUT', '/api/v1/compliance/rules', {
      requiredProfileIds: [profile.id],
      requireFiltering: true,
    });
    expect(rules.status).toBe(200);
    // Converge: the first check-in brings the profile and the filtering, the device acknowledges both.
    const first = await device.checkIn();
    expect(first.commands.map((command) => command.type).sort()).toEqual(['install_filtering', 'install_profile']);
    expect((await device.checkIn()).commands).toEqual([]);
  });
  afterAll(() => stack.close());

  it('runs in exactly one transaction, and writes nothing outside it', async () => {
    let outcome: Awaited<ReturnType<SimulatedDevice['checkIn']>> | undefined;
    const statements = await statementsDuring(stack.gatewayDataSource, async () => {
      outcome = await device.checkIn();
    });
    expect(outcome?.commands).toEqual([]);

    const begins = statements.filter((statement) => statement.query === 'START TRANSACTION');
    const commits = statements.filter((statement) => statement.query === 'COMMIT');
    expect(begins).toHaveLength(1);
    expect(commits).toHaveLength(1);
    // Everything in the transaction ran on one connection, and it did the work of every context.
    const inside = statements.filter((statement) => statement.inTransaction);
    expect(new Set(inside.map((statement) => statement.runner)).size).toBe(1);
    const touched = inside.map((statement) => statement.query).join('\n');
    for (const table of [
      'UPDATE devices',
      'installed_profiles',
      'device_filtering',
      'device_compliance',
      'device_commands',
    ])
      expect(touched).toContain(table);
    // Outside it, only reads (the certificate guard's lookups, the list matcher's poll).
    const outside = statements.filter(
      (statement) => !statement.inTransaction && statement.query !== 'START TRANSACTION',
    );
    expect(outside.filter((statement) => !/^(SELECT|WITH\b[\s\S]*\bSELECT)/i.test(statement.query))).toEqual([]);
  });
});
