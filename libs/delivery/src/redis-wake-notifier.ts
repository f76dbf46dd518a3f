import { Injectable, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { createRedis, SocleConfig } from '@socle/core';
import { DeviceNotifier } from './device-notifier';

export function wakeChannel(config: SocleConfig): string {
  return `${config.redisPrefix}:device-wake`;
}

/** Publishes device ids; every gateway process subscribed answers the long-polls it holds for them. */
@Injectable()
export class RedisWakeNotifier extends DeviceNotifier implements OnModuleDestroy {
  private readonly redis: Redis;

  constructor(private readonly config: SocleConfig) {
    super();
    this.redis = createRedis(config.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  }

  async wake(deviceIds: readonly string[]): Promise<void> {
    if (deviceIds.length) await this.redis.publish(wakeChannel(this.config), JSON.stringify(deviceIds));
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
