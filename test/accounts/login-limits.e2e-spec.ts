import { request as httpRequest } from 'node:http';
import { createTenant, expectCreated, Tenant } from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

const PASSWORD = 'mot-de-passe-solide';

interface Caller {
  post(path: string, body: unknown): Promise<{ status: number; body: any; retryAfter?: string }>;
}

describe('Login limits: failures only, per account and per address, slowed not locked', () => {
  let stack: TestStack;
  let town: Tenant;
  let nextAddress = 10 + Math.floor(Math.random() * 200);

  /** A client whose connections come from another loopback address, as if from another school's network. */
  function fromAddress(): Caller {
    const localAddress = `127.0.${nextAddress++ % 250}.${1 + Math.floor(Math.random() * 250)}`;
    const { hostname, port } = new URL(stack.apiUrl);
    return {
      post: (path, body) =>
        new Promise((resolve, reject) => {
          const payload = JSON.stringify(body);
          const request = httpRequest(
            {
              host: hostname,
              port,
              path,
              method: 'POST',
              localAddress,
              headers: { 'content-type': 'application/json' },
            },
            (response) => {
              let text = '';
              response.on('data', (chunk) => (text += chunk));
              response.on('end', () =>
                resolve({
                  status: response.statusCode!,
                  body: JSON.parse(text || '{}'),
                  retryAfter: response.headers['retry-after'],
                }),
              );
            },
          );
          request.on('error', reject);
          request.end(payload);
        }),
    };
  }

  async function account(): Promise<string> {
    const email = `compte-${Math.random().toString(36).slice(2)}@ville.test`;
    expectCreated(
      await town.admin.post(`/api/v1/collectivites/${town.collectiviteId}/users`, {
        email,
        password: PASSWORD,
        role: 'teacher',
      }),
      'user',
    );
    return email;
  }

  beforeAll(async () => {
    stack = await startStack({ loginFreeFailuresPerAccount: 3, loginFreeFailuresPerAddress: 10 });
    town = await createTenant(stack);
  });
  afterAll(() => stack.close());

  it('30 accounts sprayed from one address get slowed after the free failures, with Retry-After', async () => {
    const sprayer = fromAddress();
    const email = await account();
    const statuses: number[] = [];
    const waits: number[] = [];
    let slowed: Awaited<ReturnType<Caller['post']>> | undefined;
    for (let n = 0; n < 30; n++) {
      const answer = await sprayer.post('/api/v1/auth/login', {
        email: `cible-${n}@ville.test`,
        password: 'Printemps2026!',
      });
      statuses.push(answer.status);
      if (answer.status === 429) {
        slowed ??= answer;
        waits.push(answer.body.retryAfterSeconds);
      }
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
    expect(slowed!.body.code).toBe('LOGIN_SLOWED_DOWN');
    expect(slowed!.body.message).toMatch(/attendez \d+ s/);
    expect(Number(slowed!.retryAfter)).toBe(waits[0]);
    // A script that ignores Retry-After only makes it grow, up to the cap.
    expect(waits.slice(0, 4)).toEqual([2, 4, 8, 16]);
    expect(waits.at(-1)).toBe(stack.config.loginMaxDelaySeconds);
    // The slowed address gets no verdict on the password either: even a right one waits.
    expect((await sprayer.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(429);
    // Another address is not concerned.
    expect((await fromAddress().post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);
  });

  it('successful logins do not count', async () => {
    const school = fromAddress();
    const email = await account();
    for (let n = 0; n < 12; n++) {
      expect((await school.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);
    }
  });

  it('an attacker who knows an e-mail slows only unknown addresses; its owner signs in from theirs', async () => {
    const email = await account();
    const owner = fromAddress();
    expect((await owner.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);
    const attacker = fromAddress();
    const tries = [];
    for (let n = 0; n < 5; n++)
      tries.push((await attacker.post('/api/v1/auth/login', { email, password: `x-${n}-essai` })).status);
    expect(tries.slice(0, 3)).toEqual([401, 401, 401]);
    expect(tries.slice(3)).toContain(429);
    // The owner's own address is not held by the account's counter.
    expect((await owner.post('/api/v1/auth/login', { email, password: PASSWORD })).status).toBe(200);
    // A new address waits seconds (a delay), not a lock-out.
    const elsewhere = await fromAddress().post('/api/v1/auth/login', { email, password: PASSWORD });
    expect(elsewhere.status).toBe(429);
    expect(elsewhere.body.retryAfterSeconds).toBeLessThanOrEqual(stack.config.loginMaxDelaySeconds);
    const [row] = await stack.dataSource.query('SELECT disabled_at FROM users WHERE email = $1', [email]);
    expect(row.disabled_at).toBeNull();
  });
});
