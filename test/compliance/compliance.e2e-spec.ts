import { SimulatedDevice } from '@socle/agent';
import { CommandSetsService } from '@socle/delivery';
import { ComplianceEvaluator } from '@socle/compliance';
import { ComplianceSweepProcessor } from '../../apps/worker/src/processors/compliance-sweep.processor';
import { FilteringConvergenceService } from '@socle/filtering';
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

/** A collectivité's rules, evaluated at every check-in, on a rule change and by the hourly sweep. */
describe('Compliance of the fleet', () => {
  let stack: TestStack;
  let town: Tenant;
  let schoolId: string;
  let packId: string;
  let devices: SimulatedDevice[];
  let profileId: string;

  beforeAll(async () => {
    stack = await startStack();
    town = await createTenant(stack);
    schoolId = (await createSchool(town.technician)).id;
    packId = (await createPack(town.technician, schoolId, 'ipados', 10)).id;
    const token = await issueToken(town.technician, packId);
    devices = [simulatedDevice(stack, 'ipados'), simulatedDevice(stack, 'ipados'), simulatedDevice(stack, 'ipados')];
    for (const device of devices) device.commandHandlers.set('install_filtering', () => undefined);
    await Promise.all(devices.map((device) => device.enroll(token.token)));
    profileId = expectCreated(
      await town.technician.post('/api/v1/profiles', { name: 'Cycle 3', restrictions: { allowCamera: false } }),
      'profile',
    ).id;
  });
  afterAll(() => stack.close());

  const list = async (query = '') =>
    (await town.technician.get(`/api/v1/compliance/devices?packId=${packId}${query}`)).body.items;
  const codesOf = async (device: SimulatedDevice) =>
    (await list())
      .find((item: { deviceId: string }) => item.deviceId === device.deviceId)
      .reasons.map((reason: { code: string }) => reason.code);

  it('evaluates every device when the collectivité sets its rules, then again at each check-in', async () => {
    const [, old, worn] = devices;
    old.osVersion = '16.7.2';
    (worn as unknown as { state: { health: { batteryHealth: number } } }).state.health.batteryHealth = 61;
    await Promise.all(devices.map((device) => device.checkIn()));
    expect((await list()).every((item: { compliant: boolean }) => item.compliant)).toBe(true);

    const rules = await town.admin.request<any>('PUT', '/api/v1/compliance/rules', {
      minOsVersions: { ipados: '17.4' },
      maxDaysWithoutCheckin: 7,
      minBatteryHealth: 80,
      requiredProfileIds: [profileId],
      requireFiltering: true,
    });
    expect(rules).toMatchObject({ status: 200, body: { evaluated: 3, minOsVersions: { ipados: '17.4' } } });
    expect(await codesOf(devices[0])).toEqual(['PROFILE_MISSING', 'FILTERING_MISSING']);
    expect(await codesOf(old)).toEqual(['OS_VERSION_TOO_OLD', 'PROFILE_MISSING', 'FILTERING_MISSING']);
    const reason = (await list()).find((item: { deviceId: string }) => item.deviceId === old.deviceId).reasons[0];
    expect(reason.message).toContain('16.7.2');

    const policy = expectCreated(
      await town.technician.post('/api/v1/filtering-policies', { name: 'Ville', mandatoryCategories: ['adult'] }),
      'policy',
    );
    await town.technician.post(`/api/v1/filtering-policies/${policy.id}/assignments`, {
      collectiviteId: town.collectiviteId,
    });
    await town.technician.post(`/api/v1/profiles/${profileId}/assignments`, { packId });
    await Promise.all(devices.map((device) => device.checkIn()));
    await Promise.all(devices.map((device) => device.checkIn()));
    expect(await codesOf(devices[0])).toEqual([]);
    expect(await codesOf(old)).toEqual(['OS_VERSION_TOO_OLD']);
    expect(await codesOf(worn)).toEqual(['BATTERY_HEALTH_LOW']);
    expect((await list('&compliant=false')).map((item: { deviceId: string }) => item.deviceId).sort()).toEqual(
      [old.deviceId, worn.deviceId].sort(),
    );
    // The technician's ordinary device list shows the same verdict and reasons.
    const listed = (await town.technician.get(`/api/v1/devices?packId=${packId}`)).body.items;
    const wornListed = listed.find((device: { id: string }) => device.id === worn.deviceId);
    expect(wornListed.compliance).toMatchObject({
      compliant: false,
      reasons: [expect.objectContaining({ code: 'BATTERY_HEALTH_LOW' })],
    });
    expect(listed.find((device: { id: string }) => device.id === devices[0].deviceId).compliance.compliant).toBe(true);

    old.osVersion = '17.10';
    await old.checkIn();
    expect(await codesOf(old)).toEqual([]);
  });

  it('sums compliance up for the collectivité, by reason and by school', async () => {
    const summary = (await town.admin.get(`/api/v1/compliance/summary?schoolId=${schoolId}`)).body;
    expect(summary).toMatchObject({
      devices: 3,
      compliant: 2,
      nonCompliant: 1,
      notEvaluated: 0,
      reasons: [{ code: 'BATTERY_HEALTH_LOW', devices: 1 }],
    });
    expect(summary.schools).toEqual([expect.objectContaining({ schoolId, devices: 3, compliant: 2, nonCompliant: 1 })]);
  });

  it('catches, with the hourly sweep, a tablet left off in its cart for too long', async () => {
    const [sleeper] = devices;
    await stack.dataSource.query(`UPDATE devices SET last_checkin_at = now() - interval '12 days' WHERE id = $1`, [
      sleeper.deviceId,
    ]);
    const sweep = new ComplianceSweepProcessor(
      new ComplianceEvaluator(stack.dataSource, new FilteringConvergenceService(new CommandSetsService())),
    );
    const result = await sweep.handle({ data: { collectiviteId: town.collectiviteId } } as never);
    expect(result.evaluated).toBe(3);
    const [reason] = (await list()).find((item: { deviceId: string }) => item.deviceId === sleeper.deviceId).reasons;
    expect(reason).toMatchObject({ code: 'CHECKIN_OVERDUE', details: { days: 12, maximum: 7 } });
  });

  it('keeps rules and results to the collectivité, and refuses bad rules', async () => {
    const intruder = await createTenant(stack);
    expect((await intruder.technician.get(`/api/v1/compliance/devices?packId=${packId}`)).status).toBe(404);
    expect((await intruder.technician.get('/api/v1/compliance/devices')).body.items).toEqual([]);
    expect((await intruder.admin.get('/api/v1/compliance/summary')).body).toMatchObject({ devices: 0 });
    expect(
      (await intruder.admin.request<any>('PUT', '/api/v1/compliance/rules', { requiredProfileIds: [profileId] })).body
        .code,
    ).toBe('PROFILE_NOT_FOUND');
    for (const body of [
      { minOsVersions: { ipados: 'dix-sept' } },
      { minOsVersions: { symbian: '1' } },
      { maxDaysWithoutCheckin: 0 },
      { minBatteryHealth: 101 },
      { requireFiltering: 'oui' },
      { extra: 1 },
      [],
    ]) {
      const response = await town.admin.request<any>('PUT', '/api/v1/compliance/rules', body);
      expect({ body, status: response.status, code: response.body.code }).toEqual({
        body,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    expect((await town.technician.request<any>('PUT', '/api/v1/compliance/rules', {})).status).toBe(403);
    expect((await town.technician.get('/api/v1/compliance/rules')).body).toMatchObject({ minBatteryHealth: 80 });
  });
});
