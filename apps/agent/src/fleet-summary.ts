import type { CommandResultStatus } from './agent-types';
import type { SimulatedDevice } from './simulated-device';

export interface FleetSummary {
  requested: number;
  enrolled: number;
  enrollFailuresByCode: Record<string, number>;
  checkins: number;
  checkinFailuresByCode: Record<string, number>;
  /** Results the gateway accepted, by status. */
  commandResults: Record<CommandResultStatus, number>;
}

export function summarizeFleet(
  devices: readonly SimulatedDevice[],
  enrollmentErrorCodes: Iterable<string>,
): FleetSummary {
  const summary: FleetSummary = {
    requested: devices.length,
    enrolled: devices.filter((device) => device.isEnrolled).length,
    enrollFailuresByCode: countBy(enrollmentErrorCodes),
    checkins: 0,
    checkinFailuresByCode: {},
    commandResults: { acknowledged: 0, error: 0, not_now: 0 },
  };
  for (const { stats } of devices) {
    summary.checkins += stats.checkins;
    for (const [code, count] of Object.entries(stats.checkinFailuresByCode)) {
      summary.checkinFailuresByCode[code] = (summary.checkinFailuresByCode[code] ?? 0) + count;
    }
    for (const status of Object.keys(summary.commandResults) as CommandResultStatus[]) {
      summary.commandResults[status] += stats.commandResults[status];
    }
  }
  return summary;
}

function countBy(codes: Iterable<string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}
