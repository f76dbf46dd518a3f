import { ApiClient } from '../support/api-client';
import { createSchool, createTenant, expectCreated, login, operator, Tenant } from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

const PASSWORD = 'mot-de-passe-solide';
let counter = 0;

describe('Accounts: sign-out, passwords, people of a collectivité', () => {
  let stack: TestStack;
  let town: Tenant;
  let otherTown: Tenant;

  beforeAll(async () => {
    stack = await startStack();
    [town, otherTown] = await Promise.all([createTenant(stack), createTenant(stack)]);
  });
  afterAll(() => stack.close());

  async function person(role = 'technician', schoolIds?: string[]) {
    const email = `personne-${Date.now()}-${counter++}@ville.test`;
    const created = expectCreated(
      await town.admin.post(`/api/v1/collectivites/${town.collectiviteId}/users`, {
        email,
        password: PASSWORD,
        role,
        schoolIds,
      }),
      'user',
    );
    return { id: created.id as string, email, client: await login(stack.api, email, PASSWORD) };
  }

  it('logout ends this token at once, and only this one', async () => {
    const someone = await person();
    const secondSession = await login(stack.api, someone.email, PASSWORD);
    expect((await someone.client.post('/api/v1/auth/logout')).status).toBe(204);
    const after = await someone.client.get('/api/v1/auth/me');
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('TOKEN_INVALID');
    expect((await secondSession.get('/api/v1/auth/me')).status).toBe(200);
  });

  it('a password change checks the current one and the policy, then ends every other token', async () => {
    const someone = await person();
    const other = await login(stack.api, someone.email, PASSWORD);
    const wrong = await someone.client.request<any>('PUT', '/api/v1/auth/password', {
      currentPassword: 'pas-le-bon',
      newPassword: 'une phrase de quatre mots',
    });
    expect(wrong.body.code).toBe('CURRENT_PASSWORD_WRONG');
    const weak = await someone.client.request<any>('PUT', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'court',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('PASSWORD_TOO_WEAK');
    expect(weak.body.message).toMatch(/au moins 12 caractères/);
    const common = await someone.client.request<any>('PUT', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'aaaaaaaaaaaaaa',
    });
    expect(common.body.code).toBe('PASSWORD_TOO_WEAK');
    const changed = await someone.client.request<any>('PUT', '/api/v1/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'une phrase de quatre mots',
    });
    expect(changed.status).toBe(204);
    expect((await other.get('/api/v1/auth/me')).status).toBe(401);
    expect((await stack.api.post('/api/v1/auth/login', { email: someone.email, password: PASSWORD })).status).toBe(401);
    await login(stack.api, someone.email, 'une phrase de quatre mots');
  });

  it('a disabled user is refused on the next request and cannot sign in; re-enabled, old tokens stay dead', async () => {
    const someone = await person();
    expect((await someone.client.get('/api/v1/schools')).status).toBe(200);
    const disabled = await town.admin.patch(`/api/v1/users/${someone.id}`, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ id: someone.id, disabled: true });
    const refused = await someone.client.get('/api/v1/schools');
    expect(refused.status).toBe(401);
    expect(refused.body.code).toBe('TOKEN_INVALID');
    const signIn = await stack.api.post('/api/v1/auth/login', { email: someone.email, password: PASSWORD });
    expect(signIn.body.code).toBe('INVALID_CREDENTIALS');
    await town.admin.patch(`/api/v1/users/${someone.id}`, { disabled: false });
    expect((await someone.client.get('/api/v1/schools')).status).toBe(401);
    await login(stack.api, someone.email, PASSWORD);
  });

  it('changes a role and schools; a role change ends the tokens; schools only for the school world', async () => {
    const school = await createSchool(town.technician);
    const someone = await person('teacher', [school.id]);
    const head = await town.admin.patch(`/api/v1/users/${someone.id}`, { role: 'school_head' });
    expect(head.body).toMatchObject({ role: 'school_head', schoolIds: [school.id] });
    expect((await someone.client.get('/api/v1/auth/me')).status).toBe(401);
    const reviewer = await town.admin.patch(`/api/v1/users/${someone.id}`, { role: 'reviewer' });
    expect(reviewer.body).toMatchObject({ role: 'reviewer', schoolIds: [] });
    const refused = await town.admin.patch(`/api/v1/users/${someone.id}`, { schoolIds: [school.id] });
    expect(refused.body.code).toBe('SCHOOLS_ONLY_FOR_TEACHERS');
    const foreignSchool = await createSchool(otherTown.technician);
    const foreign = await town.admin.patch(`/api/v1/users/${someone.id}`, {
      role: 'erun',
      schoolIds: [foreignSchool.id],
    });
    expect(foreign.status).toBe(404);
    const audit = await stack.dataSource.query(
      `SELECT action FROM audit_entries WHERE entity_id = $1 AND action = 'user.update'`,
      [someone.id],
    );
    expect(audit.length).toBe(2);
  });

  it('an admin cannot lock themselves out, nor touch another collectivité’s people; a technician cannot at all', async () => {
    const me = await town.admin.get('/api/v1/auth/me');
    expect((await town.admin.patch(`/api/v1/users/${me.body.id}`, { disabled: true })).body.code).toBe('OWN_ACCOUNT');
    const stranger = (await otherTown.admin.get('/api/v1/auth/me')).body.id;
    expect((await town.admin.patch(`/api/v1/users/${stranger}`, { disabled: true })).status).toBe(404);
    expect((await town.admin.delete(`/api/v1/users/${stranger}`)).status).toBe(404);
    expect((await town.admin.post(`/api/v1/users/${stranger}/password-reset`)).status).toBe(404);
    expect((await town.technician.patch(`/api/v1/users/${stranger}`, { disabled: true })).status).toBe(403);
    expect((await town.admin.get(`/api/v1/collectivites/${otherTown.collectiviteId}/users`)).status).toBe(404);
    expect((await town.technician.get(`/api/v1/collectivites/${town.collectiviteId}/users`)).status).toBe(403);
  });

  it('a deleted user is gone: token refused, no sign-in, e-mail free again, row kept for the record', async () => {
    const someone = await person();
    expect((await town.admin.delete(`/api/v1/users/${someone.id}`)).status).toBe(204);
    expect((await someone.client.get('/api/v1/auth/me')).status).toBe(401);
    expect((await stack.api.post('/api/v1/auth/login', { email: someone.email, password: PASSWORD })).status).toBe(401);
    const users = await town.admin.get(`/api/v1/collectivites/${town.collectiviteId}/users?limit=500`);
    expect(users.body.items.map((user: { id: string }) => user.id)).not.toContain(someone.id);
    const [row] = await stack.dataSource.query('SELECT email, deleted_at FROM users WHERE id = $1', [someone.id]);
    expect(row.email).not.toBe(someone.email);
    expect(row.deleted_at).not.toBeNull();
    expect(
      (
        await town.admin.post(`/api/v1/collectivites/${town.collectiviteId}/users`, {
          email: someone.email,
          password: PASSWORD,
          role: 'technician',
        })
      ).status,
    ).toBe(201);
    expect((await town.admin.delete(`/api/v1/users/${someone.id}`)).status).toBe(404);
  });

  it('two admins deleting the same account at once: one 204, one 404', async () => {
    const someone = await person();
    const secondAdmin = await person('collectivite_admin');
    const answers = await Promise.all([
      town.admin.delete(`/api/v1/users/${someone.id}`),
      secondAdmin.client.delete(`/api/v1/users/${someone.id}`),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([204, 404]);
  });

  it('the operator lists every collectivité with its admins; an admin sees only their own', async () => {
    const platform = await operator(stack);
    const all = await platform.get('/api/v1/collectivites?limit=500');
    const mine = all.body.items.find((c: { id: string }) => c.id === town.collectiviteId);
    expect(mine.admins.map((a: { email: string }) => a.email)).toContain(town.adminEmail);
    expect(all.body.items.some((c: { id: string }) => c.id === otherTown.collectiviteId)).toBe(true);
    const own = await town.technician.get('/api/v1/collectivites');
    expect(own.body.items.map((c: { id: string }) => c.id)).toEqual([town.collectiviteId]);
    expect((await town.technician.get(`/api/v1/collectivites/${town.collectiviteId}`)).body.name).toBeTruthy();
    expect((await town.technician.get(`/api/v1/collectivites/${otherTown.collectiviteId}`)).status).toBe(404);
    const users = await platform.get(`/api/v1/collectivites/${town.collectiviteId}/users`);
    expect(users.body.items.length).toBeGreaterThanOrEqual(2);
    expect(users.body).toHaveProperty('nextCursor');
    expect(users.body.items[0]).not.toHaveProperty('passwordHash');
  });

  describe('password reset links', () => {
    async function resetLink(userId: string, by: ApiClient = town.admin) {
      const link = expectCreated(await by.post(`/api/v1/users/${userId}/password-reset`), 'reset');
      return { ...link, token: new URL(link.resetUrl.replace('#/', '')).searchParams.get('token')! };
    }

    it('is made by an admin, used once, sets the password and ends the old tokens; a replay is refused', async () => {
      const someone = await person();
      const link = await resetLink(someone.id);
      expect(link.resetUrl).toMatch(/^http.*mot-de-passe\?token=/);
      expect(new Date(link.expiresAt).getTime()).toBeGreaterThan(Date.now());
      const [stored] = await stack.dataSource.query('SELECT token_hash FROM password_resets WHERE user_id = $1', [
        someone.id,
      ]);
      expect(stored.token_hash).not.toContain(link.token);
      const weak = await stack.api.post('/api/v1/auth/password-reset', { token: link.token, newPassword: 'court' });
      expect(weak.body.code).toBe('PASSWORD_TOO_WEAK');
      const used = await stack.api.post('/api/v1/auth/password-reset', {
        token: link.token,
        newPassword: 'le nouveau mot de passe',
      });
      expect(used.status).toBe(204);
      expect((await someone.client.get('/api/v1/auth/me')).status).toBe(401);
      await login(stack.api, someone.email, 'le nouveau mot de passe');
      const replay = await stack.api.post('/api/v1/auth/password-reset', {
        token: link.token,
        newPassword: 'encore un autre mot de passe',
      });
      expect(replay.status).toBe(400);
      expect(replay.body.code).toBe('RESET_LINK_INVALID');
    });

    it('expires', async () => {
      const someone = await person();
      const link = await resetLink(someone.id);
      await stack.dataSource.query(
        `UPDATE password_resets SET expires_at = now() - interval '1 minute' WHERE user_id = $1`,
        [someone.id],
      );
      const late = await stack.api.post('/api/v1/auth/password-reset', {
        token: link.token,
        newPassword: 'le nouveau mot de passe',
      });
      expect(late.body.code).toBe('RESET_LINK_INVALID');
    });

    it('redeemed twice at once: exactly one wins', async () => {
      const someone = await person();
      const link = await resetLink(someone.id);
      const answers = await Promise.all(
        ['premier mot de passe long', 'second mot de passe long'].map((newPassword) =>
          stack.api.post('/api/v1/auth/password-reset', { token: link.token, newPassword }),
        ),
      );
      expect(answers.map((answer) => answer.status).sort()).toEqual([204, 400]);
    });

    it('the operator can make one for a collectivité admin', async () => {
      const users = await (await operator(stack)).get(`/api/v1/collectivites/${otherTown.collectiviteId}/users`);
      const admin = users.body.items.find((user: { role: string }) => user.role === 'collectivite_admin');
      const link = await resetLink(admin.id, await operator(stack));
      expect(link.token.length).toBeGreaterThan(30);
    });
  });
});
