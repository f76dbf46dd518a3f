import type { androidmanagement_v1 } from '@googleapis/androidmanagement';
import { androidErrors } from '../android-errors';

/**
 * What a Socle command becomes for an Android tablet. `issue`: `devices.issueCommand`; `delete`:
 * `devices.delete` with wipe flags (only Socle's retirement flow may ask for it); `policy`: not a
 * command at all, the pack's policy is patched (unlock lifts the lesson's kiosk); `pull`: read the
 * device's latest status report now.
 */
export type AndroidCommandPlan =
  | { kind: 'issue'; command: androidmanagement_v1.Schema$Command }
  | { kind: 'delete'; wipeDataFlags: string[] }
  | { kind: 'policy' }
  | { kind: 'pull' };

/** How long Google keeps a command for a tablet that is off (AMAPI's default is ten minutes). */
export const COMMAND_DURATION = `${24 * 3600}s`;

/**
 * A retired school tablet goes to a recycler or another school: its SD card is wiped too, and the
 * factory-reset protection is not kept (PRESERVE_RESET_PROTECTION_DATA would tie it to the old account).
 */
export const RETIREMENT_WIPE_FLAGS = ['WIPE_EXTERNAL_STORAGE'];

const PLANS: Record<string, AndroidCommandPlan> = {
  lock: { kind: 'issue', command: { type: 'LOCK', duration: COMMAND_DURATION } },
  restart: { kind: 'issue', command: { type: 'REBOOT', duration: COMMAND_DURATION } },
  // A fully managed tablet may have its screen lock cleared (no new password: the lock is removed).
  clear_passcode: { kind: 'issue', command: { type: 'RESET_PASSWORD', duration: COMMAND_DURATION } },
  wipe: { kind: 'delete', wipeDataFlags: RETIREMENT_WIPE_FLAGS },
  unlock: { kind: 'policy' },
  refresh_inventory: { kind: 'pull' },
};

export const ANDROID_SUPPORTED_COMMANDS = Object.keys(PLANS);

/** The plan for a Socle command type, or `422 COMMAND_NOT_SUPPORTED`. */
export function androidCommandPlan(type: string): AndroidCommandPlan {
  const plan = PLANS[type];
  if (!plan) throw androidErrors.commandNotSupported(type);
  return structuredClone(plan);
}
