import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeAmapi } from './fake-amapi';

export interface TestServiceAccount {
  file: string;
  email: string;
  privateKeyPem: string;
}

/** A Google-shaped service-account key file whose `token_uri` is the fake's, trusted by that fake. */
export function createTestServiceAccount(fake: FakeAmapi, projectId = 'socle-test'): TestServiceAccount {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const email = `socle-${randomBytes(3).toString('hex')}@${projectId}.iam.gserviceaccount.com`;
  const file = join(mkdtempSync(join(tmpdir(), 'socle-android-')), 'service-account.json');
  writeFileSync(
    file,
    JSON.stringify({
      type: 'service_account',
      project_id: projectId,
      private_key_id: randomBytes(20).toString('hex'),
      private_key: privateKeyPem,
      client_email: email,
      client_id: String(Date.now()),
      auth_uri: 'https://accounts.google.com/o/oauth2/auth',
      token_uri: fake.tokenUri,
    }),
    { mode: 0o600 },
  );
  fake.trustServiceAccount(email, publicKey.export({ type: 'spki', format: 'pem' }).toString());
  return { file, email, privateKeyPem };
}
