import { SocleError } from '@socle/core';
import { acceptsCommands, DeviceState } from '@socle/fleet';
import { notNowDelaySeconds } from './command-backoff';
import type { CommandStatus, CommandType } from './device-command.entity';
import type { ResultStatus } from './dto/command-result.dto';

/** What a device's answer does to a command: nothing (already settled), try again later, or settle it. */
export type CommandOutcome =
  | { applied: false; status: CommandStatus }
  | { applied: true; status: 'pending'; attempts: number; retryInSeconds: number }
  | { applied: true; status: 'acknowledged' | 'failed'; lastError: string | null };

/**
 * An answer counts once: only an open command (pending or delivered) changes. not_now puts it
 * back with a growing delay; error keeps the device's words (or says there were none) for the technician.
 */
export function commandOutcome(
  command: { status: CommandStatus; attempts: number },
  result: { status: ResultStatus; detail?: string },
): CommandOutcome {
  if (command.status !== 'pending' && command.status !== 'delivered') return { applied: false, status: command.status };
  if (result.status === 'not_now') {
    const attempts = command.attempts + 1;
    return { applied: true, status: 'pending', attempts, retryInSeconds: notNowDelaySeconds(attempts) };
  }
  if (result.status === 'acknowledged') return { applied: true, status: 'acknowledged', lastError: null };
  return { applied: true, status: 'failed', lastError: result.detail ?? 'erreur sans détail' };
}

/** Why a technician's command to this device is refused, or null: the device must take commands, and a wipe be confirmed by its serial number. */
export function manualCommandRefusal(
  device: { state: DeviceState; serialNumber: string },
  command: { type: CommandType; confirm?: string },
): SocleError | null {
  if (!acceptsCommands(device.state)) {
    return SocleError.conflict(
      'DEVICE_NOT_MANAGED',
      `L'appareil est « ${device.state} » : il ne reçoit pas de commandes.`,
      { state: device.state },
    );
  }
  if (command.type === 'wipe' && command.confirm !== device.serialNumber) {
    return SocleError.badRequest(
      'WIPE_CONFIRMATION_REQUIRED',
      `L'effacement est définitif : recopiez le numéro de série de l'appareil (${device.serialNumber}) dans « confirm ».`,
    );
  }
  return null;
}
