import { createTenant, Tenant } from '../support/factories';
import { AndroidStack, startAndroidStack } from './android-stack';

describe('Android not configured: a state, not a failure', () => {
  let stack: AndroidStack;
  let town: Tenant;

  beforeAll(async () => {
    stack = await startAndroidStack({ configured: false });
    town = await createTenant(stack);
  });
  afterAll(() => stack.close());

  it('answers 503 ANDROID_NOT_CONFIGURED on every Android route, saying which variables to set', async () => {
    for (const response of [
      await town.admin.post('/api/v1/android/enterprise/signup', {}),
      await town.admin.get('/api/v1/android/enterprise'),
      await town.admin.request('PUT', '/api/v1/android/enterprise', { enterpriseName: 'enterprises/LC1' }),
    ]) {
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({
        code: 'ANDROID_NOT_CONFIGURED',
        missing: ['SOCLE_ANDROID_SERVICE_ACCOUNT_FILE', 'SOCLE_ANDROID_PROJECT_ID'],
        message: expect.stringContaining('SOCLE_ANDROID_SERVICE_ACCOUNT_FILE et SOCLE_ANDROID_PROJECT_ID'),
      });
    }
    expect(stack.fake.requests).toEqual([]);
  });

  it('leaves the rest of Socle working', async () => {
    expect((await stack.api.get('/api/health')).status).toBe(200);
    expect((await town.technician.get('/api/v1/schools')).status).toBe(200);
  });
});
