import type { CommandResultStatus } from './agent-types';

/** Running totals a fleet adds up into its summary. */
export interface DeviceStats {
  checkins: number;
  checkinFailuresByCode: Record<string, number>;
  /** Results the gateway accepted, by status. */
  commandResults: Record<CommandResultStatus, number>;
  /** Long-polls the gateway answered with a wake-up. */
  wakes: number;
}

export function emptyDeviceStats(): DeviceStats {
  return {
    checkins: 0,
    checkinFailuresByCode: {},
    commandResults: { acknowledged: 0, error: 0, not_now: 0 },
    wakes: 0,
  };
}
