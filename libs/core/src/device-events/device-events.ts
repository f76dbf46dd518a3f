import type { EntityManager } from 'typeorm';

/**
 * The events of a device's life, declared once. Every context that must react to one declares a
 * handler with `@OnDeviceEvent` where it belongs; the bus finds them at start and refuses to start
 * when a required one is missing or a unique one is claimed twice (see DeviceEventBus).
 *
 * Payloads are structural (the entities live in fleet and delivery, which depend on core): a
 * `Device` row or a `DeviceCommand` row satisfies them as they are.
 */

/** What a handler needs of a device; a fresh `Device` row of libs/fleet. */
export interface EventDevice {
  id: string;
  collectiviteId: string;
  packId: string | null;
  osFamily: string;
  state: string;
}

/** What a handler needs of a command; a `DeviceCommand` row of libs/delivery. */
export interface EventCommand {
  id: string;
  collectiviteId: string;
  deviceId: string;
  type: string;
  payload: Record<string, unknown>;
  profileId: string | null;
  profileVersion: number | null;
}

/** What a device says at check-in (`POST /v1/checkin`); `CheckinDto` of libs/enrollment implements it. */
export interface CheckinReport {
  osVersion?: string;
  battery?: { level?: number; charging?: boolean; health?: number };
  storage?: { freeBytes?: number; totalBytes?: number };
  /** The profiles the device holds: the actual state profiles converge against. */
  profiles?: ReadonlyArray<{ id: string; version: number }>;
  /** In its cart's slot (carts and the return check). */
  docked?: boolean;
}

/**
 * Each event: its payload, what a handler returns, and whether it is scoped by command type
 * (`commandType` in the handler's options).
 */
export interface DeviceEventMap {
  /** A device received its certificate (`POST /v1/enroll`), in the enrollment transaction. */
  'device.enrolled': { payload: { device: EventDevice }; returns: void };
  /** A check-in was recorded on the device row (fresh), in the check-in transaction. */
  'checkin.recorded': { payload: { device: EventDevice; report: CheckinReport }; returns: void };
  /**
   * A command is handed to its device: the owner adds what the device needs to carry it out (the
   * rendered profile, filtering or overlay) and returns the payload sent. Runs once the hand-over
   * committed, outside the transaction (a render must not hold the check-in's connection); a
   * failure fails the device's request and the command is handed again later.
   */
  'command.handed-over': {
    payload: { device: EventDevice; command: { id: string; type: string; payload: Record<string, unknown> } };
    returns: Record<string, unknown>;
  };
  /** The device confirmed a command, in the transaction that records its result. */
  'command.acknowledged': { payload: { command: EventCommand; detail?: string }; returns: void };
  /** The device answered `error`, in the transaction that records it. */
  'command.failed': { payload: { command: EventCommand; detail: string }; returns: void };
  /** A device is retired (wipe acknowledged or forced), in the retirement transaction: undo your links to it. */
  'device.retired': { payload: { device: { id: string; collectiviteId: string } }; returns: void };
}

export type DeviceEventName = keyof DeviceEventMap;
export type DeviceEventPayload<E extends DeviceEventName> = DeviceEventMap[E]['payload'];
export type DeviceEventResult<E extends DeviceEventName> = DeviceEventMap[E]['returns'];

/** Events whose handlers are declared per command type. */
export const COMMAND_EVENTS: readonly DeviceEventName[] = [
  'command.handed-over',
  'command.acknowledged',
  'command.failed',
];

/**
 * The transaction and error policy, defined here once:
 * - `in-transaction` (default): runs inside the emitting transaction and gets its EntityManager;
 *   a failure rolls the whole change back (the device's request fails) — unless `onError: 'log'`,
 *   in which case the handler runs under a SAVEPOINT: its writes are undone, the failure logged,
 *   and the device's own change (its check-in, its result) still commits.
 * - `after-commit`: runs once the emitting transaction committed, outside it (no manager); a
 *   failure is always logged, never the device's.
 * - `owner`: at most one per event (and command type); the start is refused when two claim one.
 *   `command.handed-over` handlers are always owners (one payload is sent) and always run after
 *   the commit of the hand-over.
 */
export type DeviceEventPhase = 'in-transaction' | 'after-commit';

export interface DeviceEventHandlerOptions {
  commandType?: string;
  phase?: DeviceEventPhase;
  onError?: 'fail' | 'log';
  owner?: boolean;
  /** Lower runs first (default 0); at the same order the owner runs first, then discovery order. */
  order?: number;
}

/** What a handler gets besides the payload: the emitting transaction (its manager, and a way to emit further events in it). */
export interface DeviceEventContext {
  /** The emitting transaction's manager (after commit: the data source's, outside any transaction). */
  manager: EntityManager;
  emit<E extends DeviceEventName>(event: E, payload: DeviceEventPayload<E>, commandType?: string): Promise<void>;
}
