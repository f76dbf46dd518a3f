import type { AgentLog } from './agent-types';

/** The default outside the CLI: stay quiet about progress, but never hide a warning such as an unverified CA. */
export const warnOnConsole: AgentLog = (level, message) => {
  if (level === 'warn') console.warn(message);
};
