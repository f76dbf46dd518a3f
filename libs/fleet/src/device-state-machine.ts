import { EntityManager } from 'typeorm';
import { SocleError } from '@socle/core';
import { DeviceState } from './fleet-enums';
import { deviceNotFound, FleetErrorCode } from './fleet-error-codes';

/**
 * The one definition of a device's life:
 * `registered → enrolled → active ⇄ locked → retiring → retired → taken_back`.
 * Every state change names one of these events; `device_state_transitions` (seeded by the
 * migration, checked by a trigger on `devices`) mirrors the same table in PostgreSQL, and a test
 * keeps the two equal.
 */
export const DEVICE_EVENTS = {
  /** Enrollment with a token attaches an imported device to its pack. */
  enroll: { from: ['registered'], to: 'enrolled' },
  /** The first check-in proves the device runs with its certificate. */
  activate: { from: ['enrolled'], to: 'active' },
  lock: { from: ['active'], to: 'locked' },
  unlock: { from: ['locked'], to: 'active' },
  /** A wipe is queued (or a technician forces it: a registered device was never enrolled, so there is nothing to wipe). */
  retire: { from: ['registered', 'enrolled', 'active', 'locked'], to: 'retiring' },
  /** The wipe was acknowledged, or a technician forced it for a dead device. */
  completeRetirement: { from: ['retiring'], to: 'retired' },
  /** Handed to a distributor, a recycler or a reuse programme (reprise). */
  takeBack: { from: ['retired'], to: 'taken_back' },
} as const satisfies Record<string, { from: readonly DeviceState[]; to: DeviceState }>;

export type DeviceEvent = keyof typeof DEVICE_EVENTS;

/** Every allowed (from, to) pair, derived from the events. */
export const DEVICE_TRANSITIONS: ReadonlyArray<readonly [DeviceState, DeviceState]> = Object.values(
  DEVICE_EVENTS,
).flatMap((event) => event.from.map((from) => [from, event.to] as const));

/** States whose devices are configured (profiles, policies): enrolled and not on their way out. */
export const MANAGED_DEVICE_STATES: readonly DeviceState[] = ['enrolled', 'active', 'locked'];

/** States that still take commands from a technician (a retiring device still has its wipe to fetch). */
export const COMMANDABLE_DEVICE_STATES: readonly DeviceState[] = ['enrolled', 'active', 'locked', 'retiring'];

/** The gateway refuses these devices whatever certificate they present. */
export const SHUT_OUT_DEVICE_STATES: readonly DeviceState[] = ['retired', 'taken_back'];

export function canTransition(from: DeviceState, to: DeviceState): boolean {
  return DEVICE_TRANSITIONS.some(([allowedFrom, allowedTo]) => allowedFrom === from && allowedTo === to);
}

export function isShutOut(state: DeviceState): boolean {
  return SHUT_OUT_DEVICE_STATES.includes(state);
}

export function acceptsCommands(state: DeviceState): boolean {
  return COMMANDABLE_DEVICE_STATES.includes(state);
}

const STATE_LABELS: Record<DeviceState, string> = {
  registered: 'enregistré (jamais inscrit)',
  enrolled: 'inscrit',
  active: 'actif',
  locked: 'verrouillé',
  retiring: 'en cours de retrait',
  retired: 'retiré',
  taken_back: 'repris',
};

export function deviceStateLabel(state: DeviceState): string {
  return STATE_LABELS[state] ?? state;
}

/** 409 ILLEGAL_STATE_TRANSITION, with the state the device is really in. */
export function illegalTransition(event: DeviceEvent, currentState: DeviceState): SocleError {
  const { to, from } = DEVICE_EVENTS[event];
  return SocleError.conflict(
    FleetErrorCode.IllegalStateTransition,
    `L'appareil est « ${deviceStateLabel(currentState)} » : il ne peut pas passer à « ${deviceStateLabel(to)} » ` +
      `(possible seulement depuis : ${from.map(deviceStateLabel).join(', ')}).`,
    { currentState, requestedState: to },
  );
}

export function assertTransition(event: DeviceEvent, currentState: DeviceState): void {
  if (!(DEVICE_EVENTS[event].from as readonly DeviceState[]).includes(currentState))
    throw illegalTransition(event, currentState);
}

const LEAVE_PACK = ', pack_id = NULL, pack_capacity = NULL, position_in_pack = NULL';

/**
 * Applies an event to one device in one statement, so no concurrent change slips between the check
 * and the write. Returns the previous state, or null when `quiet` and the device was not in a
 * state the event applies to (an acknowledgement arriving after the device moved on).
 */
export async function applyDeviceEvent(
  manager: EntityManager,
  deviceId: string,
  event: DeviceEvent,
  options: { quiet?: boolean; leavePack?: boolean } = {},
): Promise<DeviceState | null> {
  const { from, to } = DEVICE_EVENTS[event];
  const [rows]: [Array<{ previous: DeviceState }>, number] = await manager.query(
    `UPDATE devices d SET state = $2, updated_at = now()${options.leavePack ? LEAVE_PACK : ''}
       FROM devices previous
      WHERE d.id = $1 AND previous.id = d.id AND d.state = ANY($3::text[])
      RETURNING previous.state AS previous`,
    [deviceId, to, from],
  );
  if (rows.length) return rows[0].previous;
  if (options.quiet) return null;
  const [current] = await manager.query('SELECT state FROM devices WHERE id = $1', [deviceId]);
  if (!current) throw deviceNotFound();
  throw illegalTransition(event, current.state);
}

/** The same event for many devices of one collectivité in one statement; returns the ids that moved (callers name the others). */
export async function applyDeviceEventToMany(
  manager: EntityManager,
  collectiviteId: string,
  deviceIds: readonly string[],
  event: DeviceEvent,
): Promise<string[]> {
  const { from, to } = DEVICE_EVENTS[event];
  const [rows]: [Array<{ id: string }>, number] = await manager.query(
    `UPDATE devices SET state = $3, updated_at = now()
      WHERE collectivite_id = $1 AND id = ANY($2::uuid[]) AND state = ANY($4::text[])
      RETURNING id`,
    [collectiviteId, deviceIds, to, from],
  );
  return rows.map((row) => row.id);
}
