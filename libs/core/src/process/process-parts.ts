import type { SocleConfig } from '../config/socle-config';

export type PartName = 'api' | 'gateway' | 'worker';

export interface PartHealth {
  up: boolean;
  detail?: string;
}

/** One app running in this process, as the process starts, watches and stops it. */
export interface RunningPart {
  name: PartName;
  url?: string;
  /** Whether it serves now: a listener that accepts connections, BullMQ workers that run. */
  health(): Promise<PartHealth>;
  /** Stops taking new work and lets what is under way finish (the caller bounds the time). */
  drain(): Promise<void>;
  /** Releases what it holds: database pool, Redis connections. */
  close(): Promise<void>;
}

/** How an app starts (`apps/<name>/src/<name>-part.ts`); `apps/all` starts several in one process. */
export interface ProcessPart {
  name: PartName;
  start(config: SocleConfig): Promise<RunningPart>;
}

interface PartsOfProcess {
  parts: Map<PartName, RunningPart>;
  stopping: boolean;
}

/**
 * The parts started with one configuration, which is what one process shares: `/api/health` of the
 * api (and `/v1/health` of the gateway) reports each of them. Keyed by the config object so that
 * test files starting several stacks in one Node process never see each other's parts.
 */
const byConfig = new WeakMap<SocleConfig, PartsOfProcess>();

export function partsOfProcess(config: SocleConfig): PartsOfProcess {
  let entry = byConfig.get(config);
  if (!entry) byConfig.set(config, (entry = { parts: new Map(), stopping: false }));
  return entry;
}
