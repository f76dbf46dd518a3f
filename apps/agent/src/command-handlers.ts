import type { CommandResult, GatewayCommand } from './agent-types';
import { afterWipe } from './device-health';
import type { SimulatedDeviceState } from './device-state';

/** Returning nothing means the command was carried out ('acknowledged'); throwing reports 'error'. */
export type CommandHandler = (
  command: GatewayCommand,
  state: SimulatedDeviceState,
) => CommandResult | void | Promise<CommandResult | void>;

export type CommandHandlers = Map<string, CommandHandler>;

/** A fresh map per device, so a test can add or replace a command type on one device only. */
export function defaultCommandHandlers(): CommandHandlers {
  return new Map<string, CommandHandler>([
    ['lock', (_command, state) => void (state.locked = true)],
    ['unlock', (_command, state) => void (state.locked = false)],
    ['restart', (_command, state) => void state.restarts++],
    ['refresh_inventory', () => undefined],
    ['session_start', (command, state) => void (state.session = { ...command.payload })],
    ['session_end', (_command, state) => void (state.session = null)],
    ['install_filtering', (command, state) => void (state.filtering = { ...command.payload })],
    ['remove_filtering', (_command, state) => void (state.filtering = null)],
    ['install_profile', installProfile],
    ['remove_profile', removeProfile],
    ['wipe', wipe],
  ]);
}

export async function dispatchCommand(
  command: GatewayCommand,
  state: SimulatedDeviceState,
  handlers: CommandHandlers,
): Promise<CommandResult> {
  const handler = handlers.get(command.type);
  if (!handler) return { status: 'error', detail: `unsupported command type "${command.type}"` };
  try {
    return (await handler(command, state)) ?? { status: 'acknowledged' };
  } catch (error) {
    return { status: 'error', detail: error instanceof Error ? error.message : String(error) };
  }
}

function installProfile(command: GatewayCommand, state: SimulatedDeviceState): void {
  const { profileId, version } = command.payload ?? {};
  if (typeof profileId !== 'string' || !Number.isInteger(version)) {
    throw new Error(`${command.type} needs a payload {profileId: string, version: integer}`);
  }
  state.profiles.set(profileId, version as number);
}

function removeProfile(command: GatewayCommand, state: SimulatedDeviceState): void {
  const { profileId } = command.payload ?? {};
  if (typeof profileId !== 'string') throw new Error(`${command.type} needs a payload {profileId: string}`);
  state.profiles.delete(profileId);
}

/** The certificate stays: the wipe must still be acknowledged, and the gateway revokes it afterwards. */
function wipe(_command: GatewayCommand, state: SimulatedDeviceState): void {
  state.locked = false;
  state.profiles.clear();
  state.apps = [...state.factoryApps];
  state.session = null;
  state.filtering = null;
  state.health = afterWipe(state.health);
  state.wipes++;
}

/** An offline device lifts the session overlay by its own clock at the `endsAt` the overlay carries. */
export function activeSession(session: Record<string, unknown> | null, nowMs: number): Record<string, unknown> | null {
  const endsAt = typeof session?.endsAt === 'string' ? Date.parse(session.endsAt) : NaN;
  return session && !(endsAt <= nowMs) ? session : null;
}
