import { readFileSync } from 'node:fs';
import type { AgentLog } from './agent-types';
import { AgentCliOptions, CliUsageError, parseAgentArguments, USAGE } from './cli-arguments';
import { SimulatedFleet } from './fleet';
import { formatSummaryTable } from './summary-table';

const EXIT_USAGE = 2;
const EXIT_NOTHING_ENROLLED = 1;

const printLog: AgentLog = (level, message) => {
  const line = `${new Date().toISOString()} ${level === 'warn' ? 'WARN ' : ''}${message}`;
  if (level === 'warn') console.error(line);
  else console.log(line);
};

async function main(argv: string[]): Promise<number> {
  let options: AgentCliOptions;
  let trustedCaPem: string | undefined;
  try {
    const command = parseAgentArguments(argv);
    if (command.kind === 'help') {
      console.log(USAGE);
      return 0;
    }
    options = command.options;
    trustedCaPem = options.caPath === undefined ? undefined : readCa(options.caPath);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`error: ${error.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }

  const fleet = new SimulatedFleet({
    gatewayUrl: options.gatewayUrl,
    token: options.token,
    count: options.count,
    osFamily: options.osFamily,
    deviceKind: options.deviceKind,
    model: options.model,
    osVersion: options.osVersion,
    trustedCaPem,
    clientCertHeader: options.clientCertHeader,
    enrollConcurrency: options.enrollConcurrency,
    sharedKey: options.sharedKey,
    log: printLog,
  });
  const stopOnSignal = () => {
    printLog('info', 'stopping…');
    fleet.stop();
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  printLog(
    'info',
    `${options.count} ${options.osFamily} ${options.deviceKind}(s) "${options.model}" against ${options.gatewayUrl}`,
  );
  try {
    const summary = await fleet.run({
      intervalSeconds: options.intervalSeconds,
      maxCheckins: options.maxCheckins,
      longPoll: options.longPoll,
    });
    console.log(formatSummaryTable(summary));
    return summary.enrolled === 0 && summary.requested > 0 ? EXIT_NOTHING_ENROLLED : 0;
  } finally {
    fleet.stop();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }
}

function readCa(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliUsageError(`cannot read --ca ${path}: ${(error as Error).message}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
