import { createTenant, Tenant } from '../support/factories';
import { AndroidStack, startAndroidStack } from './android-stack';

describe('Android enterprise binding (signup, callback, attach)', () => {
  let stack: AndroidStack;
  let town: Tenant;

  beforeAll(async () => {
    stack = await startAndroidStack();
    town = await createTenant(stack, 'Ville de Saint-Androïd');
  });
  afterAll(() => stack.close());

  const callback = (query: string) =>
    fetch(`${stack.apiUrl}/api/v1/android/enterprise/callback?${query}`, { redirect: 'manual' });
  const auditOf = async (collectiviteId: string, action: string) =>
    stack.dataSource.query(
      `SELECT actor_user_id, summary FROM audit_entries WHERE collectivite_id = $1 AND action = $2`,
      [collectiviteId, action],
    );

  it('binds through Google’s signup: signup URL, the admin back on the callback, the enterprise stored and audited', async () => {
    const signup = await town.admin.post('/api/v1/android/enterprise/signup', {});
    expect(signup.status).toBe(201);
    expect(signup.body.signupUrl).toMatch(/^https:\/\/enterprise\.google\.com\//);
    const sent = stack.fake.signups.get(signup.body.signupUrlName)!;
    const callbackUrl = new URL(sent.callbackUrl);
    expect(`${callbackUrl.origin}${callbackUrl.pathname}`).toBe(
      'https://socle.ville.test/api/v1/android/enterprise/callback',
    );
    const state = callbackUrl.searchParams.get('state')!;
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the hash of the state is kept.
    const [row] = await stack.dataSource.query(
      `SELECT encode(signup_state_hash, 'hex') AS hash, enterprise_name FROM android_enterprises WHERE collectivite_id = $1`,
      [town.collectiviteId],
    );
    expect(row.enterprise_name).toBeNull();
    expect(row.hash).not.toContain(Buffer.from(state).toString('hex'));

    const pending = await town.admin.get('/api/v1/android/enterprise');
    expect(pending.body).toMatchObject({
      enterpriseName: null,
      pendingSignup: { signupUrlName: signup.body.signupUrlName },
    });

    // Google appends enterpriseToken to the callback it was given.
    const enterpriseToken = stack.fake.completeSignup(signup.body.signupUrlName);
    const landing = await callback(`state=${state}&enterpriseToken=${enterpriseToken}`);
    expect(landing.status).toBe(302);
    expect(landing.headers.get('location')).toBe('/?android-enterprise=bound');

    const bound = await town.admin.get('/api/v1/android/enterprise');
    expect(bound.body).toMatchObject({
      enterpriseName: expect.stringMatching(/^enterprises\/LC/),
      displayName: 'Ville de Saint-Androïd',
      boundVia: 'signup',
      pendingSignup: null,
    });
    expect(stack.fake.enterprises.get(bound.body.enterpriseName)).toMatchObject({
      enterpriseDisplayName: 'Ville de Saint-Androïd',
    });
    const [entry] = await auditOf(town.collectiviteId, 'android.enterprise.created');
    expect(entry.summary).toMatchObject({ enterpriseName: bound.body.enterpriseName });
    expect(entry.actor_user_id).not.toBeNull();

    // The callback is single-use, and a second signup is refused once bound.
    const replay = await callback(`state=${state}&enterpriseToken=${enterpriseToken}`);
    expect(replay.headers.get('location')).toBe('/?android-enterprise=error&code=ANDROID_SIGNUP_UNKNOWN');
    const again = await town.admin.post('/api/v1/android/enterprise/signup', {});
    expect(again).toMatchObject({ status: 409, body: { code: 'ANDROID_ENTERPRISE_ALREADY_BOUND' } });
  });

  it('refuses a forged state and a wrong enterprise token, binding nothing', async () => {
    const other = await createTenant(stack);
    const signup = await other.admin.post('/api/v1/android/enterprise/signup', {});
    const state = new URL(stack.fake.signups.get(signup.body.signupUrlName)!.callbackUrl).searchParams.get('state');
    const forged = await callback(`state=${'A'.repeat(43)}&enterpriseToken=whatever`);
    expect(forged.headers.get('location')).toBe('/?android-enterprise=error&code=ANDROID_SIGNUP_UNKNOWN');
    stack.fake.completeSignup(signup.body.signupUrlName);
    const wrongToken = await callback(`state=${state}&enterpriseToken=not-googles`);
    expect(wrongToken.headers.get('location')).toBe('/?android-enterprise=error&code=ANDROID_REQUEST_REJECTED');
    const missing = await callback(`state=${state}`);
    expect(missing.headers.get('location')).toBe('/?android-enterprise=error&code=VALIDATION_FAILED');
    expect((await other.admin.get('/api/v1/android/enterprise')).body.enterpriseName).toBeNull();
  });

  it('completes a signup through POST with the console’s own callback, only for the collectivité that started it', async () => {
    const owner = await createTenant(stack);
    const intruder = await createTenant(stack);
    const signup = await owner.admin.post('/api/v1/android/enterprise/signup', {
      callbackUrl: 'https://console.ville.test/android/retour',
    });
    expect(stack.fake.signups.get(signup.body.signupUrlName)!.callbackUrl).toMatch(
      /^https:\/\/console\.ville\.test\/android\/retour\?state=/,
    );
    const enterpriseToken = stack.fake.completeSignup(signup.body.signupUrlName);
    const stolen = await intruder.admin.post('/api/v1/android/enterprise', {
      signupUrlName: signup.body.signupUrlName,
      enterpriseToken,
    });
    expect(stolen).toMatchObject({ status: 404, body: { code: 'ANDROID_SIGNUP_UNKNOWN' } });
    const done = await owner.admin.post('/api/v1/android/enterprise', {
      signupUrlName: signup.body.signupUrlName,
      enterpriseToken,
    });
    expect(done.status).toBe(201);
    expect(done.body.enterpriseName).toMatch(/^enterprises\//);
  });

  it('attaches an existing enterprise once, refuses one already taken or unknown, audited', async () => {
    const first = await createTenant(stack);
    const second = await createTenant(stack);
    const existing = stack.fake.addEnterprise('Écoles de la vallée');
    const attached = await first.admin.request('PUT', '/api/v1/android/enterprise', { enterpriseName: existing });
    expect(attached).toMatchObject({ status: 200, body: { enterpriseName: existing, boundVia: 'attached' } });
    expect(await auditOf(first.collectiviteId, 'android.enterprise.attached')).toHaveLength(1);
    const repeated = await first.admin.request('PUT', '/api/v1/android/enterprise', { enterpriseName: existing });
    expect(repeated).toMatchObject({ status: 200, body: { enterpriseName: existing } });
    expect(stack.fake.apiRequests(existing)).toHaveLength(1);
    const taken = await second.admin.request('PUT', '/api/v1/android/enterprise', { enterpriseName: existing });
    expect(taken).toMatchObject({ status: 409, body: { code: 'ANDROID_ENTERPRISE_TAKEN' } });
    const unknown = await second.admin.request('PUT', '/api/v1/android/enterprise', {
      enterpriseName: 'enterprises/LCnope',
    });
    expect(unknown).toMatchObject({ status: 422, body: { code: 'ANDROID_ENTERPRISE_NOT_FOUND' } });
    const another = await first.admin.request('PUT', '/api/v1/android/enterprise', {
      enterpriseName: stack.fake.addEnterprise(),
    });
    expect(another).toMatchObject({ status: 409, body: { code: 'ANDROID_ENTERPRISE_ALREADY_BOUND' } });
    const malformed = await second.admin.request('PUT', '/api/v1/android/enterprise', {
      enterpriseName: 'LC123; DROP',
    });
    expect(malformed).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect((await second.admin.get('/api/v1/android/enterprise')).body.code).toBe('ANDROID_ENTERPRISE_NOT_BOUND');
  });

  it('binds once when two attaches race, and once when the callback is replayed concurrently', async () => {
    const tenant = await createTenant(stack);
    const [a, b] = [stack.fake.addEnterprise(), stack.fake.addEnterprise()];
    const answers = await Promise.all(
      [a, b].map((enterpriseName) =>
        tenant.admin.request<any>('PUT', '/api/v1/android/enterprise', { enterpriseName }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = answers.find((r) => r.status === 200)!.body.enterpriseName;
    expect((await tenant.admin.get('/api/v1/android/enterprise')).body.enterpriseName).toBe(winner);

    const late = await createTenant(stack);
    const signup = await late.admin.post('/api/v1/android/enterprise/signup', {});
    const state = new URL(stack.fake.signups.get(signup.body.signupUrlName)!.callbackUrl).searchParams.get('state');
    const token = stack.fake.completeSignup(signup.body.signupUrlName);
    const landings = await Promise.all([1, 2].map(() => callback(`state=${state}&enterpriseToken=${token}`)));
    expect(landings.map((r) => r.headers.get('location')).sort()).toEqual([
      '/?android-enterprise=bound',
      '/?android-enterprise=error&code=ANDROID_SIGNUP_UNKNOWN',
    ]);
    const [{ count }] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_entries WHERE collectivite_id = $1 AND action = 'android.enterprise.created'`,
      [late.collectiviteId],
    );
    expect(count).toBe(1);
  });

  it('is for the collectivité admin only', async () => {
    const response = await town.technician.post('/api/v1/android/enterprise/signup', {});
    expect(response).toMatchObject({ status: 403, body: { code: 'ROLE_FORBIDDEN' } });
  });

  it('says what Google answered when it is down, and binds nothing', async () => {
    const tenant = await createTenant(stack);
    stack.fake.failNext(10, { status: 503, pathIncludes: '/v1/signupUrls' });
    try {
      const response = await tenant.admin.post('/api/v1/android/enterprise/signup', {});
      expect(response).toMatchObject({ status: 503, body: { code: 'ANDROID_API_UNAVAILABLE' } });
    } finally {
      stack.fake.clearFaults();
    }
    const [{ count }] = await stack.dataSource.query(
      `SELECT count(*)::int AS count FROM android_enterprises WHERE collectivite_id = $1`,
      [tenant.collectiviteId],
    );
    expect(count).toBe(0);
  });
});
