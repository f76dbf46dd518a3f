import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface DevSecrets {
  masterKey: string;
  jwtSecret: string;
}

/**
 * Outside production, Socle must start with no manual step: it generates a master key and a JWT
 * secret once and keeps them in a git-ignored file, so CA keys stay readable across restarts.
 */
export function loadOrCreateDevSecrets(file: string, warn: (message: string) => void): DevSecrets {
  if (existsSync(file)) {
    return JSON.parse(readFileSync(file, 'utf8')) as DevSecrets;
  }
  const secrets: DevSecrets = {
    masterKey: randomBytes(32).toString('base64'),
    jwtSecret: randomBytes(48).toString('base64url'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  warn(
    `Generated development secrets in ${file}. Never use them in production: ` +
      'set SOCLE_MASTER_KEY and SOCLE_JWT_SECRET and NODE_ENV=production.',
  );
  return secrets;
}
