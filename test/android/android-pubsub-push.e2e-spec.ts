import { generateKeyPairSync } from 'node:crypto';
import { AndroidSettings, PubsubPushVerifier } from '@socle/android';
import { createRedis, loadConfig } from '@socle/core';
import { FakeGoogleOidc, pushEnvelope } from '../support/fake-google-oidc';

describe('Pub/Sub push verification for POST /v1/android/notifications', () => {
  const audience = 'https://socle.ville.test/v1/android/notifications';
  const config = loadConfig();
  const redis = createRedis(config.redisUrl);
  let google: FakeGoogleOidc;
  let verifier: PubsubPushVerifier;

  const device = { name: 'enterprises/LC1/devices/3abc', hardwareInfo: { serialNumber: 'R9WT30ABCDE' } };
  const bearer = (claims: Record<string, unknown> = {}) => `Bearer ${google.token(audience, claims)}`;

  beforeAll(async () => {
    google = await new FakeGoogleOidc().start();
    verifier = new PubsubPushVerifier(
      new AndroidSettings(null, { audience, certsUrl: google.certsUrl }, 300, []),
      config,
      redis,
    );
  });
  afterAll(async () => {
    await google.stop();
    await redis.quit();
  });

  it('accepts a Google-signed token for our audience and decodes each notification type', async () => {
    const enrollment = await verifier.receive(bearer(), pushEnvelope('ENROLLMENT', device));
    expect(enrollment).toMatchObject({ status: 'accepted', notification: { type: 'ENROLLMENT', device } });
    const status = await verifier.receive(bearer(), pushEnvelope('STATUS_REPORT', device));
    expect(status).toMatchObject({ status: 'accepted', notification: { type: 'STATUS_REPORT', device } });
    const operation = { name: `${device.name}/operations/1`, done: true };
    const command = await verifier.receive(bearer(), pushEnvelope('COMMAND', operation));
    expect(command).toMatchObject({ status: 'accepted', notification: { type: 'COMMAND', operation } });
    const logs = { device: device.name, usageLogEvents: [{ eventType: 'KEYGUARD_SECURED' }] };
    const usage = await verifier.receive(bearer(), pushEnvelope('USAGE_LOGS', logs));
    expect(usage).toMatchObject({ status: 'accepted', notification: { type: 'USAGE_LOGS', usageLogs: logs } });
    if (status.status === 'accepted') expect(status.notification.publishTime).toBeInstanceOf(Date);
  });

  it('refuses a token for another audience, an expired one, a forged one and none at all', async () => {
    const body = pushEnvelope('STATUS_REPORT', device);
    const forger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const cases: Array<[string | undefined, string]> = [
      [bearer({ aud: 'https://attaquant.test/push' }), 'audience inattendue'],
      [
        bearer({ iat: Math.floor(Date.now() / 1000) - 7200, exp: Math.floor(Date.now() / 1000) - 3600 }),
        'jeton expiré',
      ],
      [`Bearer ${google.token(audience, {}, forger)}`, 'signature invalide'],
      [bearer({ iss: 'https://evil.test' }), 'émetteur inattendu'],
      [undefined, 'aucun jeton Bearer'],
      ['Bearer not.a.jwt', 'jeton illisible'],
    ];
    for (const [authorization, reason] of cases) {
      await expect(verifier.receive(authorization, body)).rejects.toMatchObject({
        status: 401,
        code: 'ANDROID_PUSH_UNAUTHORIZED',
        message: expect.stringContaining(reason),
      });
    }
  });

  it('processes a message id once, whichever instance receives the redelivery', async () => {
    const body = pushEnvelope('STATUS_REPORT', device);
    expect((await verifier.receive(bearer(), body)).status).toBe('accepted');
    const otherInstance = new PubsubPushVerifier(
      new AndroidSettings(null, { audience, certsUrl: google.certsUrl }, 300, []),
      config,
      redis,
    );
    expect(await otherInstance.receive(bearer(), body)).toEqual({
      status: 'duplicate',
      messageId: body.message.messageId,
    });
  });

  it('drops a replayed message older than the dedupe window without processing it', async () => {
    const old = new Date(Date.now() - 2 * 3600_000).toISOString();
    const body = pushEnvelope('STATUS_REPORT', device, { publishTime: old, publish_time: old });
    expect(await verifier.receive(bearer(), body)).toEqual({ status: 'stale', messageId: body.message.messageId });
  });

  it('ignores types Socle does not use, and refuses an unreadable envelope', async () => {
    expect((await verifier.receive(bearer(), pushEnvelope('test', {}))).status).toBe('ignored');
    await expect(verifier.receive(bearer(), { nothing: true })).rejects.toMatchObject({
      status: 400,
      code: 'ANDROID_PUSH_INVALID',
    });
    const garbage = pushEnvelope('STATUS_REPORT', {});
    garbage.message.data = Buffer.from('not json').toString('base64');
    await expect(verifier.receive(bearer(), garbage)).rejects.toMatchObject({ code: 'ANDROID_PUSH_INVALID' });
  });

  it('checks the push service account when one is configured', async () => {
    const strict = new PubsubPushVerifier(
      new AndroidSettings(
        null,
        { audience, certsUrl: google.certsUrl, serviceAccountEmail: 'pubsub-push@socle-test.iam.gserviceaccount.com' },
        300,
        [],
      ),
      config,
      redis,
    );
    expect((await strict.receive(bearer(), pushEnvelope('STATUS_REPORT', device))).status).toBe('accepted');
    await expect(
      strict.receive(bearer({ email: 'autre@projet.iam.gserviceaccount.com' }), pushEnvelope('STATUS_REPORT', device)),
    ).rejects.toMatchObject({ code: 'ANDROID_PUSH_UNAUTHORIZED' });
  });

  it("answers 503 (Pub/Sub retries) when Google's certificates cannot be fetched", async () => {
    const blind = new PubsubPushVerifier(
      new AndroidSettings(null, { audience, certsUrl: 'http://127.0.0.1:9/certs' }, 300, []),
      config,
      redis,
    );
    await expect(blind.receive(bearer(), pushEnvelope('STATUS_REPORT', device))).rejects.toMatchObject({
      status: 503,
      code: 'ANDROID_API_UNAVAILABLE',
    });
  });

  it('answers 503 when push is not configured (the periodic pull is then the only source)', async () => {
    const off = new PubsubPushVerifier(new AndroidSettings(null, null, 300, []), config, redis);
    await expect(off.receive(bearer(), pushEnvelope('STATUS_REPORT', device))).rejects.toMatchObject({
      status: 503,
      code: 'ANDROID_PUSH_NOT_CONFIGURED',
    });
  });
});
