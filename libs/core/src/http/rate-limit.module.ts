import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { DynamicModule, Injectable, Module, OnModuleDestroy } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import Redis from 'ioredis';
import { SocleConfig } from '../config/socle-config';
import { createRedis } from '../queues/redis-connection';

/** Owns the rate-limit connection: the throttler storage is a plain value, so Nest would never close it. */
@Injectable()
export class RateLimitRedis implements OnModuleDestroy {
  readonly client: Redis;

  constructor(config: SocleConfig) {
    this.client = createRedis(config.redisUrl, { keyPrefix: `${config.redisPrefix}:rate:`, maxRetriesPerRequest: 2 });
  }

  onModuleDestroy(): void {
    this.client.disconnect();
  }
}

@Module({ providers: [RateLimitRedis], exports: [RateLimitRedis] })
class RateLimitRedisModule {}

/**
 * Counters live in Redis so that every copy of the api or gateway shares them. Each app picks the
 * one limit it needs (login on the api, enrollment on the gateway); routes opt in with ThrottlerGuard.
 */
@Module({})
export class RateLimitModule {
  static forRoot(limitPerMinute: (config: SocleConfig) => number): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [
        ThrottlerModule.forRootAsync({
          imports: [RateLimitRedisModule],
          inject: [SocleConfig, RateLimitRedis],
          useFactory: (config: SocleConfig, redis: RateLimitRedis) => ({
            throttlers: [{ ttl: 60_000, limit: limitPerMinute(config) }],
            storage: new ThrottlerStorageRedisService(redis.client),
          }),
        }),
      ],
      exports: [ThrottlerModule],
    };
  }
}
