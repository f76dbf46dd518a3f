import { Inject, Injectable, Optional } from '@nestjs/common';
import { SocleError } from '@socle/core';
import { AndroidErrorCode } from '../android-error-codes';
import { AmapiDevice, AndroidManagementClient } from '../client/android-management.client';
import { androidCommandPlan, RETIREMENT_WIPE_FLAGS } from './android-commands';

export type CommandOutcome =
  | { done: true; ok: true }
  | { done: true; ok: false; code: string; message: string }
  /** Still running after the follower's last poll: follow again later (the operation name is kept). */
  | { done: false };

export const COMMAND_FOLLOW_OPTIONS = Symbol('COMMAND_FOLLOW_OPTIONS');

export interface CommandFollowOptions {
  intervalMs: number;
  maxPolls: number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_FOLLOW: CommandFollowOptions = { intervalMs: 2000, maxPolls: 30 };

/**
 * Device commands through AMAPI: issue one (its operation name is what Socle keeps on the command
 * row), follow the operation until Google says it is done, and wipe through `devices.delete`.
 */
@Injectable()
export class AndroidCommandService {
  private readonly following = new Map<string, Promise<CommandOutcome>>();
  private readonly follow: CommandFollowOptions;

  constructor(
    private readonly client: AndroidManagementClient,
    @Optional() @Inject(COMMAND_FOLLOW_OPTIONS) follow: CommandFollowOptions | null = null,
  ) {
    this.follow = follow ?? DEFAULT_FOLLOW;
  }

  /** `lock`, `restart`, `clear_passcode`: issued; anything else Android cannot do answers 422 COMMAND_NOT_SUPPORTED. */
  async issue(deviceName: string, type: string): Promise<{ operationName: string }> {
    const plan = androidCommandPlan(type);
    if (plan.kind !== 'issue') {
      // Wipe, unlock and refresh are not AMAPI commands: the caller uses wipe(), the pack policy, or refresh().
      throw new Error(`"${type}" is carried by ${plan.kind}, not by devices.issueCommand`);
    }
    const operation = await this.client.issueCommand(deviceName, plan.command);
    return { operationName: String(operation.name) };
  }

  /**
   * Polls `operations.get` until the operation is done and returns its outcome once. Two callers
   * following the same operation share one polling loop.
   */
  followOperation(operationName: string): Promise<CommandOutcome> {
    const running = this.following.get(operationName);
    if (running) return running;
    const outcome = this.poll(operationName).finally(() => this.following.delete(operationName));
    this.following.set(operationName, outcome);
    return outcome;
  }

  /** Retirement only: deleting the device on Google's side wipes it. Already deleted counts as done. */
  wipe(deviceName: string, reason?: string): Promise<{ alreadyDeleted: boolean }> {
    return this.client.deleteDevice(deviceName, RETIREMENT_WIPE_FLAGS, reason);
  }

  /** `refresh_inventory`: the latest status report Google holds (null: deleted on Google's side). */
  refresh(deviceName: string): Promise<AmapiDevice | null> {
    return this.client.getDevice(deviceName);
  }

  private async poll(operationName: string): Promise<CommandOutcome> {
    const sleep = this.follow.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
    for (let poll = 1; poll <= this.follow.maxPolls; poll++) {
      try {
        const operation = await this.client.getOperation(operationName);
        if (operation.done) {
          if (!operation.error) return { done: true, ok: true };
          return {
            done: true,
            ok: false,
            code: `ANDROID_COMMAND_FAILED`,
            message: `La tablette n'a pas exécuté la commande : ${operation.error.message ?? 'raison inconnue'}.`,
          };
        }
      } catch (error) {
        if (error instanceof SocleError && error.code === AndroidErrorCode.NotFound) {
          return {
            done: true,
            ok: false,
            code: AndroidErrorCode.DeviceDeleted,
            message: "La commande a disparu chez Google : la tablette n'est sans doute plus gérée.",
          };
        }
        throw error;
      }
      if (poll < this.follow.maxPolls) await sleep(this.follow.intervalMs);
    }
    return { done: false };
  }
}
