import { readFileSync } from 'node:fs';
import { parseServiceAccountKey, ServiceAccountKey } from '../client/service-account-key';

export const ANDROID_ENV = {
  serviceAccountFile: 'SOCLE_ANDROID_SERVICE_ACCOUNT_FILE',
  apiUrl: 'SOCLE_ANDROID_API_URL',
  projectId: 'SOCLE_ANDROID_PROJECT_ID',
  pubsubAudience: 'SOCLE_ANDROID_PUBSUB_AUDIENCE',
  pubsubCertsUrl: 'SOCLE_ANDROID_PUBSUB_CERTS_URL',
  pubsubServiceAccount: 'SOCLE_ANDROID_PUBSUB_SERVICE_ACCOUNT',
  syncIntervalSeconds: 'SOCLE_ANDROID_SYNC_INTERVAL_SECONDS',
  publicApiUrl: 'SOCLE_PUBLIC_API_URL',
} as const;

/** The three variables without which nothing talks to Google (contract: routes answer 503 until they are set). */
export const REQUIRED_ANDROID_VARIABLES = [
  ANDROID_ENV.serviceAccountFile,
  ANDROID_ENV.apiUrl,
  ANDROID_ENV.projectId,
] as const;

export const DEFAULT_ANDROID_API_URL = 'https://androidmanagement.googleapis.com/';
/** Google's PEM certificates that sign the OIDC tokens of Pub/Sub push requests. */
export const DEFAULT_PUBSUB_CERTS_URL = 'https://www.googleapis.com/oauth2/v1/certs';

export interface AndroidApiSettings {
  serviceAccountFile: string;
  key: ServiceAccountKey;
  /** Always ends with `/`, as the client library's `rootUrl` expects. */
  apiUrl: string;
  projectId: string;
}

export interface AndroidPushSettings {
  audience: string;
  certsUrl: string;
  /** When set, only push tokens issued to this service account (the subscription's) are accepted. */
  serviceAccountEmail?: string;
}

/**
 * Android settings as read once at boot. "Not configured" is a state, not a boot failure: `api` is
 * null until the three required variables are set, and `push` null until the audience is.
 */
export class AndroidSettings {
  constructor(
    readonly api: AndroidApiSettings | null,
    readonly push: AndroidPushSettings | null,
    readonly syncIntervalSeconds: number,
    /** Required variables still unset (empty when `api` is set). */
    readonly missing: readonly string[],
    /** Socle's public API origin, for the default signup callback; null: the admin request's own origin. */
    readonly publicApiUrl: string | null = null,
  ) {}
}

export class AndroidConfigError extends Error {}

/**
 * Reads the Android variables. Unset means "off"; set but wrong (unreadable key file, bad URL,
 * bad number) stops the start with the variable's name, like the rest of Socle's configuration.
 */
export function loadAndroidSettings(env: NodeJS.ProcessEnv = process.env): AndroidSettings {
  const value = (name: string) => (env[name] ?? '').trim() || undefined;
  const problems: string[] = [];
  const apiUrl = value(ANDROID_ENV.apiUrl) ?? DEFAULT_ANDROID_API_URL;
  if (!isHttpUrl(apiUrl)) problems.push(`${ANDROID_ENV.apiUrl}: must be an http(s) URL (got "${apiUrl}")`);
  const certsUrl = value(ANDROID_ENV.pubsubCertsUrl) ?? DEFAULT_PUBSUB_CERTS_URL;
  if (!isHttpUrl(certsUrl)) problems.push(`${ANDROID_ENV.pubsubCertsUrl}: must be an http(s) URL (got "${certsUrl}")`);
  const publicApiUrl = value(ANDROID_ENV.publicApiUrl);
  if (publicApiUrl && !isHttpUrl(publicApiUrl)) {
    problems.push(`${ANDROID_ENV.publicApiUrl}: must be an http(s) URL (got "${publicApiUrl}")`);
  }
  const interval = Number(value(ANDROID_ENV.syncIntervalSeconds) ?? '300');
  if (!Number.isInteger(interval) || interval < 30) {
    problems.push(`${ANDROID_ENV.syncIntervalSeconds}: must be a whole number of seconds, at least 30`);
  }
  const file = value(ANDROID_ENV.serviceAccountFile);
  const projectId = value(ANDROID_ENV.projectId);
  let key: ServiceAccountKey | null = null;
  if (file) {
    try {
      key = parseServiceAccountKey(readFileSync(file, 'utf8'));
    } catch (error) {
      problems.push(`${ANDROID_ENV.serviceAccountFile}: ${(error as Error).message} (file "${file}")`);
    }
  }
  if (problems.length) throw new AndroidConfigError(`Invalid Android configuration:\n  - ${problems.join('\n  - ')}`);
  // The API URL has a default, so "missing" only ever names the key file and the project.
  const missing = [...(file ? [] : [ANDROID_ENV.serviceAccountFile]), ...(projectId ? [] : [ANDROID_ENV.projectId])];
  const api = key && file && projectId ? { serviceAccountFile: file, key, apiUrl: withSlash(apiUrl), projectId } : null;
  const audience = value(ANDROID_ENV.pubsubAudience);
  const push = audience ? { audience, certsUrl, serviceAccountEmail: value(ANDROID_ENV.pubsubServiceAccount) } : null;
  return new AndroidSettings(api, push, interval, missing, publicApiUrl ? publicApiUrl.replace(/\/+$/, '') : null);
}

function isHttpUrl(raw: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(raw).protocol);
  } catch {
    return false;
  }
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);
