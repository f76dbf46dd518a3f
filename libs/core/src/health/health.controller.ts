import { Controller, Get, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../auth/decorators';
import { SocleConfig } from '../config/socle-config';
import { partsOfProcess } from '../process/process-parts';
import { RedisHealthIndicator } from './redis-health.indicator';

/**
 * PostgreSQL, Redis, and every part this process runs (api, gateway, worker of `npm start`):
 * "healthy" means each of them answers, and a process that is stopping says so at once.
 */
@ApiTags('health')
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly config: SocleConfig,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  check() {
    const process = partsOfProcess(this.config);
    return this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
      () => this.redis.check('redis'),
      ...[...process.parts.values()].map((part) => async () => {
        const indicator = this.indicators.check(part.name);
        if (process.stopping) return indicator.down({ message: 'stopping' });
        const health = await part.health();
        return health.up ? indicator.up() : indicator.down({ message: health.detail ?? 'down' });
      }),
    ]);
  }
}
