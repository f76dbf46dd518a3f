import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAndroidSettings } from './android-settings';

describe('loadAndroidSettings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'socle-android-settings-'));
  const key = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' });
  const keyFile = join(dir, 'key.json');
  writeFileSync(
    keyFile,
    JSON.stringify({
      type: 'service_account',
      client_email: 'socle@projet.iam.gserviceaccount.com',
      private_key: key,
      token_uri: 'https://oauth2.googleapis.com/token',
    }),
  );

  it('is "not configured" (not a failure) when nothing is set, with the defaults', () => {
    const settings = loadAndroidSettings({});
    expect(settings.api).toBeNull();
    expect(settings.push).toBeNull();
    expect(settings.syncIntervalSeconds).toBe(300);
    expect(settings.missing).toEqual(['SOCLE_ANDROID_SERVICE_ACCOUNT_FILE', 'SOCLE_ANDROID_PROJECT_ID']);
  });

  it('reads the key file once and defaults the API root', () => {
    const settings = loadAndroidSettings({
      SOCLE_ANDROID_SERVICE_ACCOUNT_FILE: keyFile,
      SOCLE_ANDROID_PROJECT_ID: 'projet-socle',
      SOCLE_ANDROID_PUBSUB_AUDIENCE: 'https://socle.ville.fr/v1/android/notifications',
      SOCLE_ANDROID_SYNC_INTERVAL_SECONDS: '600',
    });
    expect(settings.api).toMatchObject({
      apiUrl: 'https://androidmanagement.googleapis.com/',
      projectId: 'projet-socle',
      key: { clientEmail: 'socle@projet.iam.gserviceaccount.com', tokenUri: 'https://oauth2.googleapis.com/token' },
    });
    expect(settings.push).toEqual({
      audience: 'https://socle.ville.fr/v1/android/notifications',
      certsUrl: 'https://www.googleapis.com/oauth2/v1/certs',
      serviceAccountEmail: undefined,
    });
    expect(settings.syncIntervalSeconds).toBe(600);
  });

  it('stops the start, naming the variable, when a value is set but wrong', () => {
    const notAKey = join(dir, 'not-a-key.json');
    writeFileSync(notAKey, JSON.stringify({ type: 'authorized_user' }));
    expect(() => loadAndroidSettings({ SOCLE_ANDROID_SERVICE_ACCOUNT_FILE: notAKey })).toThrow(
      /SOCLE_ANDROID_SERVICE_ACCOUNT_FILE: "type" must be "service_account"/,
    );
    expect(() => loadAndroidSettings({ SOCLE_ANDROID_SERVICE_ACCOUNT_FILE: join(dir, 'missing.json') })).toThrow(
      /SOCLE_ANDROID_SERVICE_ACCOUNT_FILE/,
    );
    expect(() => loadAndroidSettings({ SOCLE_ANDROID_API_URL: 'ftp://x' })).toThrow(/SOCLE_ANDROID_API_URL/);
    expect(() => loadAndroidSettings({ SOCLE_ANDROID_SYNC_INTERVAL_SECONDS: 'often' })).toThrow(
      /SOCLE_ANDROID_SYNC_INTERVAL_SECONDS/,
    );
  });
});
