import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { DynamicModule, Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { SocleConfig } from '../config/socle-config';
import { createRedis } from '../queues/redis-connection';

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
          inject: [SocleConfig],
          useFactory: (config: SocleConfig) => ({
            throttlers: [{ ttl: 60_000, limit: limitPerMinute(config) }],
            storage: new ThrottlerStorageRedisService(createRedis(config.redisUrl, { keyPrefix: `${config.redisPrefix}:rate:` })),
          }),
        }),
      ],
      exports: [ThrottlerModule],
    };
  }
}
