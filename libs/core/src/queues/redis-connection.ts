import Redis, { RedisOptions } from 'ioredis';

/** BullMQ needs maxRetriesPerRequest null so that workers wait out a Redis restart instead of crashing. */
export function redisConnectionOptions(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username || undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

export function createRedis(redisUrl: string, options: RedisOptions = {}): Redis {
  return new Redis({ ...redisConnectionOptions(redisUrl), ...options });
}
