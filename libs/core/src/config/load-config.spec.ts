import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config';

const secrets = { SOCLE_MASTER_KEY: randomBytes(32).toString('base64'), SOCLE_JWT_SECRET: 'x'.repeat(48) };
const quiet = () => undefined;

describe('loadConfig', () => {
  it('works out of the box with defaults for a local PostgreSQL and Redis', () => {
    const config = loadConfig({ ...secrets }, quiet);
    expect(config).toMatchObject({
      nodeEnv: 'development',
      apiPort: 3000,
      gatewayPort: 3443,
      gatewayMode: 'tls',
      redisUrl: 'redis://127.0.0.1:6379',
      trustedProxies: [],
    });
    expect(config.gatewayHostnames).toEqual(['localhost', '127.0.0.1']);
  });

  it('names each bad variable and what it received', () => {
    const load = () => loadConfig({ ...secrets, SOCLE_API_PORT: 'trois-mille', SOCLE_GATEWAY_MODE: 'udp' }, quiet);
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/SOCLE_API_PORT: .*got "NaN"|SOCLE_API_PORT: .*trois-mille/);
    expect(load).toThrow(/SOCLE_GATEWAY_MODE/);
  });

  it('refuses a master key that is not 32 bytes', () => {
    expect(() => loadConfig({ ...secrets, SOCLE_MASTER_KEY: randomBytes(16).toString('base64') }, quiet)).toThrow(
      /SOCLE_MASTER_KEY: must decode to 32 bytes/,
    );
  });

  it('generates development secrets once, in a git-ignored file, with a warning', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'socle-config-')), '.socle', 'dev-secrets.json');
    const warnings: string[] = [];
    const first = loadConfig({ SOCLE_SECRETS_FILE: file }, (message) => warnings.push(message));
    const second = loadConfig({ SOCLE_SECRETS_FILE: file }, (message) => warnings.push(message));
    expect(existsSync(file)).toBe(true);
    expect(second.masterKey).toBe(first.masterKey);
    expect(second.jwtSecret).toBe(first.jwtSecret);
    expect(JSON.parse(readFileSync(file, 'utf8')).masterKey).toBe(first.masterKey);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('production');
  });

  it('refuses to start in production without real secrets', () => {
    const load = () =>
      loadConfig({ NODE_ENV: 'production', SOCLE_SECRETS_FILE: '/nonexistent/never-written.json' }, quiet);
    expect(load).toThrow(/SOCLE_MASTER_KEY/);
    expect(load).toThrow(/SOCLE_JWT_SECRET/);
    expect(existsSync('/nonexistent/never-written.json')).toBe(false);
  });
});

describe('SOCLE_AUDIT_RETENTION_DAYS', () => {
  it('defaults to a year, accepts 0 (keep forever), and refuses a retention too short to investigate anything', () => {
    expect(loadConfig({ ...secrets }, quiet).auditRetentionDays).toBe(365);
    expect(loadConfig({ ...secrets, SOCLE_AUDIT_RETENTION_DAYS: '0' }, quiet).auditRetentionDays).toBe(0);
    expect(() => loadConfig({ ...secrets, SOCLE_AUDIT_RETENTION_DAYS: '7' }, quiet)).toThrow(
      /SOCLE_AUDIT_RETENTION_DAYS: .*at least 30/,
    );
    expect(() => loadConfig({ ...secrets, SOCLE_AUDIT_RETENTION_DAYS: 'un an' }, quiet)).toThrow(
      /SOCLE_AUDIT_RETENTION_DAYS/,
    );
  });
});

describe('SOCLE_RETURN_CHECK_DELAY_SECONDS', () => {
  it('gives pupils a quarter of an hour by default to put the devices back, and refuses a negative or unreadable delay', () => {
    expect(loadConfig({ ...secrets }, quiet).returnCheckDelaySeconds).toBe(900);
    expect(loadConfig({ ...secrets, SOCLE_RETURN_CHECK_DELAY_SECONDS: '0' }, quiet).returnCheckDelaySeconds).toBe(0);
    expect(() => loadConfig({ ...secrets, SOCLE_RETURN_CHECK_DELAY_SECONDS: '-5' }, quiet)).toThrow(
      /SOCLE_RETURN_CHECK_DELAY_SECONDS/,
    );
    expect(() => loadConfig({ ...secrets, SOCLE_RETURN_CHECK_DELAY_SECONDS: 'un quart d’heure' }, quiet)).toThrow(
      /SOCLE_RETURN_CHECK_DELAY_SECONDS/,
    );
  });
});
