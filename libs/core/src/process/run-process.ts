import type { Logger } from 'pino';
import { ConfigError, loadConfig } from '../config/load-config';
import type { SocleConfig } from '../config/socle-config';
import { prepareDatabase } from '../database/prepare-database';
import { processLogger } from '../logging/log-options';
import { startMetricsServer } from '../metrics/metrics-server';
import { partsOfProcess, ProcessPart, RunningPart } from './process-parts';

export interface LaunchedProcess {
  config: SocleConfig;
  parts: RunningPart[];
  /** The port the metrics listener got (SOCLE_METRICS_PORT, 0 picks one). */
  metricsPort?: number;
  /** Resolves true when every part stopped within SOCLE_SHUTDOWN_TIMEOUT_SECONDS, false when the time ran out. */
  stop(): Promise<boolean>;
}

/**
 * Creates the database if needed and applies pending migrations, then starts the parts in order
 * (a worker first, so jobs queued by the first requests find it).
 */
export async function launchParts(
  parts: ProcessPart[],
  config: SocleConfig,
  logger: Logger = processLogger(config),
): Promise<LaunchedProcess> {
  const applied = await prepareDatabase(config);
  if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
  const registry = partsOfProcess(config);
  const running: RunningPart[] = [];
  const metrics = config.metricsPort !== undefined ? await startMetricsServer(config) : undefined;
  try {
    for (const part of parts) {
      const started = await part.start(config);
      registry.parts.set(started.name, started);
      running.push(started);
    }
  } catch (error) {
    await Promise.allSettled(running.map((part) => part.close()));
    await metrics?.close();
    throw error;
  }
  let stopping: Promise<boolean> | undefined;
  const stop = async (): Promise<boolean> => {
    registry.stopping = true;
    const deadline = config.shutdownTimeoutSeconds * 1000;
    let timer: NodeJS.Timeout | undefined;
    const outOfTime = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), deadline)));
    // Every part stops taking work at once; pools close only once nothing is under way.
    const orderly = (async () => {
      await Promise.allSettled(running.map((part) => part.drain()));
      await Promise.allSettled(running.map((part) => part.close()));
      await metrics?.close();
      return true as const;
    })();
    const finished = await Promise.race([orderly, outOfTime]);
    clearTimeout(timer);
    for (const part of running) registry.parts.delete(part.name);
    return finished;
  };
  return { config, parts: running, metricsPort: metrics?.port, stop: () => (stopping ??= stop()) };
}

/**
 * The command-line entry of every app: a configuration error is printed plainly (with the
 * variable's name) and stops the start; SIGTERM or SIGINT stops gracefully within
 * SOCLE_SHUTDOWN_TIMEOUT_SECONDS (exit 0), or exits 1 when the time runs out or at a second signal.
 */
export function runMain(parts: ProcessPart[]): void {
  let config: SocleConfig;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const logger = processLogger(config);
  launchParts(parts, config, logger).then(
    (launched) => {
      const urls = launched.parts.filter((part) => part.url).map((part) => `${part.name} ${part.url}`);
      logger.info({ urls }, `Socle started: ${launched.parts.map((part) => part.name).join(', ')}`);
      let signals = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        if (++signals > 1) process.exit(1);
        logger.info(`${signal}: stopping (at most ${config.shutdownTimeoutSeconds} s)`);
        void launched.stop().then((inTime) => {
          if (inTime) logger.info('Socle stopped');
          else logger.error(`still busy after ${config.shutdownTimeoutSeconds} s: exiting anyway`);
          logger.flush?.();
          process.exit(inTime ? 0 : 1);
        });
      };
      process.on('SIGTERM', onSignal);
      process.on('SIGINT', onSignal);
    },
    (error: Error) => {
      process.stderr.write(`${error instanceof ConfigError ? error.message : (error.stack ?? String(error))}\n`);
      process.exit(1);
    },
  );
}
