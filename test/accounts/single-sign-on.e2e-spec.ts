import { createTenant, expectCreated, Tenant } from '../support/factories';
import { FakeIdentityProvider, startFakeIdentityProvider, TinyBrowser } from '../support/oidc/fake-identity-provider';
import { startStack, TestStack } from '../support/test-stack';

describe('Single sign-on (OpenID Connect) per collectivité', () => {
  let stack: TestStack;
  let town: Tenant;
  let otherTown: Tenant;
  let provider: FakeIdentityProvider;
  const teacherEmail = `prof-sso-${Date.now()}@ac-test.fr`;

  beforeAll(async () => {
    stack = await startStack();
    stack.config.publicUrl = stack.apiUrl;
    [town, otherTown] = await Promise.all([createTenant(stack), createTenant(stack)]);
    provider = await startFakeIdentityProvider(
      'socle-ville',
      'secret-du-client',
      `${stack.apiUrl}/api/v1/auth/oidc/callback`,
    );
    expectCreated(
      await town.admin.post(`/api/v1/collectivites/${town.collectiviteId}/users`, {
        email: teacherEmail,
        password: 'mot-de-passe-solide',
        role: 'teacher',
      }),
      'teacher',
    );
    const put = await town.admin.request<any>('PUT', `/api/v1/collectivites/${town.collectiviteId}/oidc`, {
      issuer: provider.issuer,
      clientId: 'socle-ville',
      clientSecret: 'secret-du-client',
      scopes: ['email', 'profile'],
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ issuer: provider.issuer, clientId: 'socle-ville', emailClaim: 'email' });
    expect(JSON.stringify(put.body)).not.toContain('secret-du-client');
  });
  afterAll(async () => {
    await provider?.stop();
    await stack.close();
  });

  const toApiCallback = (url: URL) => url.pathname === '/api/v1/auth/oidc/callback';
  const toConsole = (url: URL) => url.origin === stack.apiUrl && url.pathname === '/';

  it('keeps the client secret sealed at rest', async () => {
    const [row] = await stack.dataSource.query(
      'SELECT client_secret_sealed FROM collectivite_oidc WHERE collectivite_id = $1',
      [town.collectiviteId],
    );
    expect(row.client_secret_sealed).toMatch(/^v1\./);
    expect(row.client_secret_sealed).not.toContain('secret-du-client');
  });

  it('signs an existing staff member in, with PKCE and state, and lands on the console with a working token', async () => {
    await provider.nextLogin(teacherEmail);
    const login = await fetch(`${stack.apiUrl}/api/v1/auth/oidc/${town.collectiviteId}/login`, { redirect: 'manual' });
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get('location')!);
    expect(authorize.origin).toBe(provider.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const landed = await new TinyBrowser().follow(authorize.toString(), toConsole);
    const fragment = new URLSearchParams(landed.hash.slice(1));
    const token = fragment.get('accessToken');
    expect(token).toBeTruthy();
    const me = await stack.api.as(token!).get('/api/v1/auth/me');
    expect(me.body).toMatchObject({ email: teacherEmail, role: 'teacher', collectiviteId: town.collectiviteId });
  });

  it('refuses a replayed callback', async () => {
    await provider.nextLogin(teacherEmail);
    const login = await fetch(`${stack.apiUrl}/api/v1/auth/oidc/${town.collectiviteId}/login`, { redirect: 'manual' });
    const browser = new TinyBrowser();
    const callback = await browser.follow(login.headers.get('location')!, toApiCallback);
    const first = await browser.follow(callback.toString(), toConsole);
    expect(first.hash).toMatch(/^#accessToken=/);
    const replay = await browser.follow(callback.toString(), toConsole);
    expect(replay.hash).toBe('#/connexion?erreur=OIDC_STATE_INVALID');
  });

  it('refuses a forged state and a code without the login that asked for it', async () => {
    const forged = await new TinyBrowser().follow(
      `${stack.apiUrl}/api/v1/auth/oidc/callback?code=abc&state=invente`,
      toConsole,
    );
    expect(forged.hash).toBe('#/connexion?erreur=OIDC_STATE_INVALID');
  });

  it('creates nobody: an unknown e-mail, or one of another collectivité, is refused', async () => {
    for (const email of ['inconnu@ac-test.fr', otherTown.adminEmail]) {
      await provider.nextLogin(email);
      const login = await fetch(`${stack.apiUrl}/api/v1/auth/oidc/${town.collectiviteId}/login`, {
        redirect: 'manual',
      });
      const landed = await new TinyBrowser().follow(login.headers.get('location')!, toConsole);
      expect(landed.hash).toBe('#/connexion?erreur=OIDC_USER_UNKNOWN');
    }
    const [{ count }] = await stack.dataSource.query('SELECT count(*)::int AS count FROM users WHERE email = $1', [
      'inconnu@ac-test.fr',
    ]);
    expect(count).toBe(0);
  });

  it('only the collectivité’s admin sets it; a collectivité without it answers 404 OIDC_NOT_CONFIGURED', async () => {
    const body = { issuer: provider.issuer, clientId: 'x', clientSecret: 'y' };
    expect(
      (await otherTown.admin.request('PUT', `/api/v1/collectivites/${town.collectiviteId}/oidc`, body)).status,
    ).toBe(404);
    expect(
      (await town.technician.request('PUT', `/api/v1/collectivites/${town.collectiviteId}/oidc`, body)).status,
    ).toBe(403);
    const unreachable = await town.admin.request<any>('PUT', `/api/v1/collectivites/${town.collectiviteId}/oidc`, {
      ...body,
      issuer: 'http://127.0.0.1:9/',
    });
    expect(unreachable.body.code).toBe('OIDC_ISSUER_UNREACHABLE');
    const none = await stack.api.get(`/api/v1/auth/oidc/${otherTown.collectiviteId}/login`);
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('OIDC_NOT_CONFIGURED');
  });
});
