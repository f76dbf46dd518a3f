import { HttpStatus, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createHash } from 'node:crypto';
import Redis from 'ioredis';
import { createRedis, SocleConfig, SocleError } from '@socle/core';

const WINDOW_SECONDS = 3600;
const KNOWN_ADDRESS_DAYS = 30;
const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 22);

/** After `free` failures: 1 s, then 2 s, 4 s… between attempts, never more than `max`. */
export function loginDelaySeconds(failures: number, free: number, max: number): number {
  return failures < free ? 0 : Math.min(max, 2 ** Math.min(failures - free, 30));
}

/**
 * Failed logins slow down, per account and per address (password spraying), in Redis so every api
 * instance shares the counts. Only failures count; a success neither counts nor resets anything an
 * attacker accumulated (counters fade an hour after the last failure). Past the free failures, each attempt waits 1 s, 2 s, 4 s… (capped): a
 * growing delay, never a lock-out. And an address that already signed in to the account is not
 * held by that account's counter, so an attacker who knows an e-mail cannot keep its owner out.
 */
@Injectable()
export class LoginLimiter implements OnModuleDestroy {
  private readonly logger = new Logger(LoginLimiter.name);
  private readonly redis: Redis;

  constructor(private readonly config: SocleConfig) {
    this.redis = createRedis(config.redisUrl, {
      keyPrefix: `${config.redisPrefix}:login:`,
      maxRetriesPerRequest: 1,
    });
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  /**
   * Throws 429 LOGIN_SLOWED_DOWN while either counter says to wait. An attempt made before its
   * time counts as a failure too, so a script that ignores Retry-After only makes it grow.
   */
  async check(address: string, email: string): Promise<void> {
    const [account, source, known] = (await this.safely(() =>
      Promise.all([
        this.redis.hmget(`account:${digest(email)}`, 'count', 'last'),
        this.redis.hmget(`address:${digest(address)}`, 'count', 'last'),
        this.redis.sismember(`known:${digest(email)}`, digest(address)),
      ]),
    )) ?? [[null, null], [null, null], 0];
    const accountFree = this.config.loginFreeFailuresPerAccount;
    const addressFree = this.config.loginFreeFailuresPerAddress;
    const accountHolds = !known && this.waitFor(account, accountFree) > 0;
    const addressHolds = this.waitFor(source, addressFree) > 0;
    if (!accountHolds && !addressHolds) return;
    await this.failed(address, email);
    const max = this.config.loginMaxDelaySeconds;
    const wait = Math.max(
      accountHolds ? loginDelaySeconds(Number(account[0]) + 1, accountFree, max) : 0,
      addressHolds ? loginDelaySeconds(Number(source[0]) + 1, addressFree, max) : 0,
    );
    throw new SocleError(
      HttpStatus.TOO_MANY_REQUESTS,
      'LOGIN_SLOWED_DOWN',
      `Trop d'essais de connexion manqués : attendez ${wait} s avant de réessayer (l'attente double à chaque nouvel échec).`,
      { retryAfterSeconds: wait },
    );
  }

  async failed(address: string, email: string): Promise<void> {
    const now = String(Date.now());
    await this.safely(() =>
      Promise.all(
        [`account:${digest(email)}`, `address:${digest(address)}`].map((key) =>
          this.redis.multi().hincrby(key, 'count', 1).hset(key, 'last', now).expire(key, WINDOW_SECONDS).exec(),
        ),
      ),
    );
  }

  async succeeded(address: string, email: string): Promise<void> {
    const key = `known:${digest(email)}`;
    await this.safely(() =>
      this.redis
        .multi()
        .sadd(key, digest(address))
        .expire(key, KNOWN_ADDRESS_DAYS * 86400)
        .exec(),
    );
  }

  private waitFor([count, last]: (string | null)[], free: number): number {
    const delay = loginDelaySeconds(Number(count ?? 0), free, this.config.loginMaxDelaySeconds);
    return delay ? Math.ceil((Number(last ?? 0) + delay * 1000 - Date.now()) / 1000) : 0;
  }

  /** Redis down: logins go on unslowed (and it is logged) rather than nobody signing in. */
  private async safely<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.logger.warn(`Login limits unavailable: ${(error as Error).message}`);
      return undefined;
    }
  }
}
