import type { AgentLog, DeviceKind, OsFamily } from './agent-types';
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
}

export interface DeviceRunReport {
  attempts: number;
  failures: number;
  lastError?: unknown;
}
