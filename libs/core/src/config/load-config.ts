import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { loadOrCreateDevSecrets } from './dev-secrets';
import { ENV_VARIABLES } from './env-variables';
import { SocleConfig } from './socle-config';

export class ConfigError extends Error {}

const MASTER_KEY_BYTES = 32;

/** Reads, defaults and validates the environment once; throws a ConfigError naming each bad variable. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = (message) => process.stderr.write(`WARN ${message}\n`),
): SocleConfig {
  const raw: Record<string, unknown> = {};
  for (const variable of ENV_VARIABLES) {
    const value = env[variable.name] ?? variable.fallback;
    if (value === undefined || (value === '' && !variable.parse)) continue;
    raw[variable.field] = variable.parse ? variable.parse(value) : value;
  }
  if (raw.nodeEnv !== 'production' && (!raw.masterKey || !raw.jwtSecret)) {
    const secrets = loadOrCreateDevSecrets(String(raw.secretsFile), warn);
    raw.masterKey ??= secrets.masterKey;
    raw.jwtSecret ??= secrets.jwtSecret;
  }
  const config = plainToInstance(SocleConfig, raw);
  const problems = validateSync(config, { whitelist: true }).map((error) => {
    const variable = ENV_VARIABLES.find((candidate) => candidate.field === error.property);
    const received = raw[error.property] === undefined ? 'missing' : `got "${String(raw[error.property])}"`;
    return `${variable?.name ?? error.property}: ${Object.values(error.constraints ?? {}).join(', ')} (${received})`;
  });
  if (config.masterKey && Buffer.from(config.masterKey, 'base64').length !== MASTER_KEY_BYTES) {
    problems.push(`SOCLE_MASTER_KEY: must decode to ${MASTER_KEY_BYTES} bytes (openssl rand -base64 32)`);
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  }
  return config;
}
