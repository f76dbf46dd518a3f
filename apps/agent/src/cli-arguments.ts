import { parseArgs } from 'node:util';
import { DEVICE_KINDS, OS_FAMILIES } from '@socle/device-protocol';
import type { DeviceKind, OsFamily } from './agent-types';
import { defaultDeviceKind, defaultModel, defaultOsVersion } from './device-defaults';

export const DEFAULT_GATEWAY_URL = 'https://127.0.0.1:3443';

export const USAGE = `Usage: npm run agent -- --os <family> (--token <token> | --enroll-url <url>) [options]

  --token <token>            enrollment token of the pack
  --enroll-url <url>         the URL of the pack's QR code (https://host:3443/v1/enroll?token=...)
  --os <family>              ${OS_FAMILIES.join(' | ')}
  --count <n>                devices to simulate (default 1)
  --gateway <url>            device gateway (default ${DEFAULT_GATEWAY_URL})
  --ca <path>                PEM of the CA that signs the gateway's certificate (default: download and pin it)
  --interval <seconds>       time between check-ins (default: what the gateway asks)
  --checkins <n>             check-in rounds, then stop (default: until Ctrl+C; 0 enrolls only)
  --kind <kind>              ${DEVICE_KINDS.join(' | ')} (default depends on --os)
  --model <name>             device model (default depends on --os and --kind)
  --os-version <version>     OS version reported (default depends on --os)
  --concurrency <n>          enrollments in flight at once (default 8)
  --client-cert-header <h>   over http://, send the certificate in this header (gateway behind a proxy)
  --long-poll                between check-ins, wait on the gateway and check in as soon as it wakes the device
  --shared-key               one RSA key for all the simulated devices (fast for large --count; CSRs stay per device)
  --help                     show this help`;

export interface AgentCliOptions {
  gatewayUrl: string;
  token: string;
  count: number;
  osFamily: OsFamily;
  deviceKind: DeviceKind;
  model: string;
  osVersion: string;
  caPath?: string;
  intervalSeconds?: number;
  maxCheckins?: number;
  enrollConcurrency?: number;
  clientCertHeader?: string;
  longPoll: boolean;
  sharedKey: boolean;
}

export type AgentCliCommand = { kind: 'help' } | { kind: 'run'; options: AgentCliOptions };

/** Bad arguments: main prints the message and the usage, and exits non-zero. */
export class CliUsageError extends Error {}

const OPTIONS = {
  token: { type: 'string' },
  'enroll-url': { type: 'string' },
  os: { type: 'string' },
  count: { type: 'string' },
  gateway: { type: 'string' },
  ca: { type: 'string' },
  interval: { type: 'string' },
  checkins: { type: 'string' },
  kind: { type: 'string' },
  model: { type: 'string' },
  'os-version': { type: 'string' },
  concurrency: { type: 'string' },
  'client-cert-header': { type: 'string' },
  'long-poll': { type: 'boolean' },
  'shared-key': { type: 'boolean' },
  help: { type: 'boolean' },
} as const;

export function parseAgentArguments(argv: string[]): AgentCliCommand {
  const { values } = parseStrictly(argv);
  if (values.help) return { kind: 'help' };
  const { gatewayUrl, token } = gatewayAndToken(values.token, values.gateway, values['enroll-url']);
  const osFamily = oneOf('--os', values.os, OS_FAMILIES);
  const deviceKind =
    values.kind === undefined ? defaultDeviceKind(osFamily) : oneOf('--kind', values.kind, DEVICE_KINDS);
  return {
    kind: 'run',
    options: {
      gatewayUrl,
      token,
      count: integer('--count', values.count, 1) ?? 1,
      osFamily,
      deviceKind,
      model: nonEmpty('--model', values.model) ?? defaultModel(osFamily, deviceKind),
      osVersion: nonEmpty('--os-version', values['os-version']) ?? defaultOsVersion(osFamily),
      caPath: nonEmpty('--ca', values.ca),
      intervalSeconds: seconds('--interval', values.interval),
      maxCheckins: integer('--checkins', values.checkins, 0),
      enrollConcurrency: integer('--concurrency', values.concurrency, 1),
      clientCertHeader: nonEmpty('--client-cert-header', values['client-cert-header']),
      longPoll: values['long-poll'] === true,
      sharedKey: values['shared-key'] === true,
    },
  };
}

/** The QR code carries the whole enrollment URL: the gateway is everything before `/v1/enroll`. */
export function parseEnrollUrl(enrollUrl: string): { gatewayUrl: string; token: string } {
  const url = httpUrl('--enroll-url', enrollUrl);
  const match = /^(.*)\/v1\/enroll\/?$/.exec(url.pathname);
  const token = url.searchParams.get('token');
  if (!match || !token)
    throw new CliUsageError(`--enroll-url must look like https://host:3443/v1/enroll?token=..., got "${enrollUrl}"`);
  return { gatewayUrl: `${url.origin}${match[1]}`, token };
}

function parseStrictly(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
}

function gatewayAndToken(token?: string, gateway?: string, enrollUrl?: string): { gatewayUrl: string; token: string } {
  if (enrollUrl !== undefined) {
    if (token !== undefined || gateway !== undefined)
      throw new CliUsageError('--enroll-url already names the gateway and the token: drop --token and --gateway');
    return parseEnrollUrl(enrollUrl);
  }
  if (!token) throw new CliUsageError('an enrollment token is required: pass --token or --enroll-url');
  const gatewayUrl =
    gateway === undefined ? DEFAULT_GATEWAY_URL : httpUrl('--gateway', gateway).href.replace(/\/+$/, '');
  return { gatewayUrl, token };
}

function httpUrl(flag: string, value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliUsageError(`${flag} must be a URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new CliUsageError(`${flag} must be an http(s) URL, got "${value}"`);
  return url;
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T {
  if (value === undefined) throw new CliUsageError(`${flag} is required (${allowed.join(', ')})`);
  if (!allowed.includes(value as T))
    throw new CliUsageError(`${flag} must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}

function integer(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value) || Number(value) < min || !Number.isSafeInteger(Number(value))) {
    throw new CliUsageError(`${flag} must be an integer of at least ${min}, got "${value}"`);
  }
  return Number(value);
}

function seconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0)
    throw new CliUsageError(`${flag} must be a number of seconds, got "${value}"`);
  return parsed;
}

function nonEmpty(flag: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new CliUsageError(`${flag} cannot be empty`);
  return value;
}
