export * from './agent-types';
export { AgentHttpError, failureCode } from './agent-http-error';
export { SimulatedDevice } from './simulated-device';
export { createCsr, generateDeviceKeyPair } from './device-identity';
export type { DeviceKeyPair } from './device-identity';
export { longPollSeconds, LONG_POLL_MAX_SECONDS } from './long-poll';
export type {
  SimulatedDeviceOptions,
  DeviceIdentity,
  DeviceRunOptions,
  DeviceRunReport,
} from './simulated-device-options';
export { warnOnConsole } from './agent-log';
export { SimulatedFleet } from './fleet';
export type { SimulatedFleetOptions, FleetRunOptions } from './fleet';
export type { FleetSummary } from './fleet-summary';
export type { DeviceStats } from './device-stats';
export { defaultCommandHandlers, dispatchCommand } from './command-handlers';
export type { CommandHandler, CommandHandlers } from './command-handlers';
export type { SimulatedDeviceState } from './device-state';
export { downloadGatewayCa } from './gateway-ca';
export { formatSummaryTable } from './summary-table';
export { forEachWithConcurrency } from './concurrency';
