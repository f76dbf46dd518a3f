import type { AgentLog, DeviceKind, OsFamily } from './agent-types';
import type { DeviceKeyPair } from './device-identity';
import type { RandomSource } from './device-health';

export interface SimulatedDeviceOptions {
  gatewayUrl: string;
  osFamily: OsFamily;
  deviceKind: DeviceKind;
  serialNumber: string;
  model: string;
  osVersion: string;
  /** PEM of the CA that signs the gateway's TLS certificate; downloaded and pinned when absent. */
  trustedCaPem?: string;
  /** Over plain http (behind a reverse proxy), the header that carries the URL-encoded leaf PEM. */
  clientCertHeader?: string;
  docked?: boolean;
  log?: AgentLog;
  /** Injected to make the health simulation reproducible. */
  random?: RandomSource;
  requestTimeoutMs?: number;
  /** Reused instead of generating an RSA key at enrollment (see createKeyAndCsr); the CSR stays per device. */
  keyPair?: DeviceKeyPair;
}

export interface DeviceIdentity {
  deviceId: string;
  certificatePem: string;
  caChainPems: string[];
  privateKeyPem: string;
  checkinUrl: string;
}

export interface DeviceRunOptions {
  /** Defaults to the interval the gateway asked for in its last answer. */
  intervalSeconds?: number;
  maxCheckins?: number;
  signal?: AbortSignal;
  /** Between check-ins, hold `GET /v1/wait` and check in as soon as the gateway wakes the device. */
  longPoll?: boolean;
  /** Start with the wait instead of a check-in (a fleet that has just checked every device in). */
  waitFirst?: boolean;
}

export interface DeviceRunReport {
  attempts: number;
  failures: number;
  lastError?: unknown;
}
