import type { DeviceKind, OsFamily } from '@socle/device-protocol';

export type { DeviceKind, OsFamily };

/** `level` receives 'info' for progress and 'warn' for anything an operator should notice. */
export type AgentLog = (level: 'info' | 'warn', message: string) => void;

export interface EnrollRequest {
  token: string;
  csr: string;
  serialNumber: string;
  model: string;
  osFamily: OsFamily;
  osVersion: string;
  deviceKind: DeviceKind;
}

export interface EnrollResponse {
  deviceId: string;
  certificate: string;
  /** [intermediate, root] */
  caChain: string[];
  checkinUrl: string;
  checkinIntervalSeconds: number;
}

export interface ReportedProfile {
  id: string;
  version: number;
}

export interface HealthReport {
  battery: { level: number; charging: boolean; health: number };
  storage: { freeBytes: number; totalBytes: number };
}

export interface CheckinRequest extends HealthReport {
  osVersion: string;
  profiles: ReportedProfile[];
  /** Identifiers of the installed apps (bundle id, package name, …). */
  apps: string[];
  /** In its charging cart (the cart's return check and view read it). */
  docked?: boolean;
}

export interface GatewayCommand {
  id: string;
  type: string;
  payload?: Record<string, unknown> | null;
}

export interface CheckinResponse {
  commands: GatewayCommand[];
  checkinIntervalSeconds: number;
}

export const COMMAND_RESULT_STATUSES = ['acknowledged', 'error', 'not_now'] as const;
export type CommandResultStatus = (typeof COMMAND_RESULT_STATUSES)[number];

export interface CommandResult {
  status: CommandResultStatus;
  detail?: string;
}

export interface ExecutedCommand {
  command: GatewayCommand;
  result: CommandResult;
}

export interface CheckinOutcome extends CheckinResponse {
  /** One entry per command, in the order they were executed and reported. */
  results: ExecutedCommand[];
}

export interface GatewayErrorBody {
  statusCode: number;
  code?: string;
  message?: string | string[];
  [field: string]: unknown;
}
