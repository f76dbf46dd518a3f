import pino, { Logger, LoggerOptions } from 'pino';
import type { SocleConfig } from '../config/socle-config';

/**
 * JSON lines in production and whenever stdout is not a terminal (files, journald, Docker, tests);
 * readable lines (pino-pretty) for a developer who runs Socle in a terminal.
 */
export function logOptions(
  config: Pick<SocleConfig, 'logLevel' | 'nodeEnv'>,
  stdout: { isTTY?: boolean } = process.stdout,
): LoggerOptions {
  const pretty = Boolean(stdout.isTTY) && config.nodeEnv !== 'production';
  return {
    level: config.logLevel,
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { colorize: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}

/** The process's own lines (started, stopping, stopped): always written, whatever SOCLE_LOG_LEVEL says, unless silent. */
export function processLogger(config: Pick<SocleConfig, 'logLevel' | 'nodeEnv'>): Logger {
  const options = logOptions(config);
  return pino({ ...options, level: config.logLevel === 'silent' ? 'silent' : 'info', name: 'socle' });
}
