import { SocleConfig } from './socle-config';

type Parse = (raw: string) => unknown;
const list: Parse = (raw) =>
  raw
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** One row per environment variable: the config field it fills, its default, and how to parse it. */
export const ENV_VARIABLES: Array<{ name: string; field: keyof SocleConfig; fallback?: string; parse?: Parse }> = [
  { name: 'NODE_ENV', field: 'nodeEnv', fallback: 'development' },
  { name: 'SOCLE_DATABASE_URL', field: 'databaseUrl', fallback: 'postgres://postgres@127.0.0.1:5432/socle' },
  { name: 'SOCLE_REDIS_URL', field: 'redisUrl', fallback: 'redis://127.0.0.1:6379' },
  { name: 'SOCLE_REDIS_PREFIX', field: 'redisPrefix', fallback: 'socle' },
  { name: 'SOCLE_API_PORT', field: 'apiPort', fallback: '3000' },
  { name: 'SOCLE_GATEWAY_PORT', field: 'gatewayPort', fallback: '3443' },
  { name: 'SOCLE_GATEWAY_MODE', field: 'gatewayMode', fallback: 'tls' },
  { name: 'SOCLE_TRUSTED_PROXIES', field: 'trustedProxies', fallback: '', parse: list },
  { name: 'SOCLE_CLIENT_CERT_HEADER', field: 'clientCertHeader', fallback: 'x-client-cert' },
  { name: 'SOCLE_PUBLIC_GATEWAY_URL', field: 'publicGatewayUrl', fallback: 'https://localhost:3443' },
  { name: 'SOCLE_GATEWAY_HOSTNAMES', field: 'gatewayHostnames', fallback: 'localhost,127.0.0.1', parse: list },
  { name: 'SOCLE_MASTER_KEY', field: 'masterKey' },
  { name: 'SOCLE_JWT_SECRET', field: 'jwtSecret' },
  { name: 'SOCLE_JWT_TTL_SECONDS', field: 'jwtTtlSeconds', fallback: '28800' },
  { name: 'SOCLE_BOOTSTRAP_ADMIN_EMAIL', field: 'bootstrapAdminEmail' },
  { name: 'SOCLE_BOOTSTRAP_ADMIN_PASSWORD', field: 'bootstrapAdminPassword' },
  { name: 'SOCLE_CHECKIN_INTERVAL_SECONDS', field: 'checkinIntervalSeconds', fallback: '900' },
  { name: 'SOCLE_DEVICE_CERTIFICATE_DAYS', field: 'deviceCertificateDays', fallback: '730' },
  { name: 'SOCLE_SILENT_DEVICE_SECONDS', field: 'silentDeviceSeconds', fallback: '1800' },
  { name: 'SOCLE_RECONCILE_INTERVAL_SECONDS', field: 'reconcileIntervalSeconds', fallback: '60' },
  { name: 'SOCLE_RETURN_CHECK_DELAY_SECONDS', field: 'returnCheckDelaySeconds', fallback: '900' },
  { name: 'SOCLE_LOGIN_RATE_LIMIT_PER_MINUTE', field: 'loginRateLimitPerMinute', fallback: '10' },
  { name: 'SOCLE_LOGIN_FREE_FAILURES_PER_ACCOUNT', field: 'loginFreeFailuresPerAccount', fallback: '5' },
  { name: 'SOCLE_LOGIN_FREE_FAILURES_PER_ADDRESS', field: 'loginFreeFailuresPerAddress', fallback: '20' },
  { name: 'SOCLE_LOGIN_MAX_DELAY_SECONDS', field: 'loginMaxDelaySeconds', fallback: '900' },
  { name: 'SOCLE_PUBLIC_URL', field: 'publicUrl', fallback: 'http://localhost:3000' },
  { name: 'SOCLE_PASSWORD_RESET_TTL_MINUTES', field: 'passwordResetTtlMinutes', fallback: '1440' },
  { name: 'SOCLE_ENROLL_RATE_LIMIT_PER_MINUTE', field: 'enrollRateLimitPerMinute', fallback: '300' },
  { name: 'SOCLE_LOG_LEVEL', field: 'logLevel', fallback: 'info' },
  { name: 'SOCLE_SECRETS_FILE', field: 'secretsFile', fallback: '.socle/dev-secrets.json' },
  { name: 'SOCLE_AUDIT_RETENTION_DAYS', field: 'auditRetentionDays', fallback: '365' },
];
