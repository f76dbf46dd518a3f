import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { createRedis, SocleConfig } from '@socle/core';
import { wakeChannel } from './redis-wake-notifier';

/**
 * The gateway side of the wake-up: one Redis subscription per process, and the long-polls it holds
 * per device. A device woken while it is not waiting simply finds its commands at its next check-in.
 */
@Injectable()
export class WakeListener implements OnModuleDestroy {
  private subscriber?: Redis;
  private readonly waiting = new Map<string, Set<(woken: boolean) => void>>();

  constructor(private readonly config: SocleConfig) {}

  /** Resolves true when the device is woken, false after `timeoutMs`. */
  async waitFor(deviceId: string, timeoutMs: number): Promise<boolean> {
    await this.subscribe();
    return new Promise((resolve) => {
      const waiters = this.waiting.get(deviceId) ?? new Set();
      this.waiting.set(deviceId, waiters);
      const finish = (woken: boolean) => {
        clearTimeout(timer);
        waiters.delete(finish);
        if (!waiters.size) this.waiting.delete(deviceId);
        resolve(woken);
      };
      const timer = setTimeout(() => finish(false), timeoutMs);
      waiters.add(finish);
    });
  }

  private async subscribe(): Promise<void> {
    if (this.subscriber) return;
    this.subscriber = createRedis(this.config.redisUrl);
    this.subscriber.on('message', (_channel: string, message: string) => {
      for (const deviceId of JSON.parse(message) as string[]) {
        for (const finish of [...(this.waiting.get(deviceId) ?? [])]) finish(true);
      }
    });
    await this.subscriber.subscribe(wakeChannel(this.config));
  }

  /** Answers every long-poll now ("not woken"): a stopping gateway lets its devices reconnect elsewhere. */
  releaseAll(): void {
    for (const waiters of this.waiting.values()) for (const finish of [...waiters]) finish(false);
  }

  onModuleDestroy(): void {
    this.releaseAll();
    this.subscriber?.disconnect();
  }
}
