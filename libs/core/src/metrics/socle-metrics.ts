import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { Queue } from 'bullmq';
import type { SocleConfig } from '../config/socle-config';

const COMMANDS_CACHE_MS = 10_000;
const JOB_STATES = ['waiting', 'active', 'delayed', 'prioritized', 'waiting-children', 'paused', 'failed'] as const;

interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * The Prometheus series of one process (the api and the gateway of `npm start` share them, as
 * they share the process). Sources that need a query are read at scrape time: commands from
 * PostgreSQL behind a short cache, queue depths from BullMQ's `getJobCounts`, pools from pg.
 */
export class SocleMetrics {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'socle_http_request_duration_seconds',
    help: 'HTTP requests by app, method, route pattern and status',
    labelNames: ['app', 'method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly checkins = new Counter({
    name: 'socle_device_checkins_total',
    help: 'Device check-ins answered by the gateway, by protocol and outcome (ok, refused, error)',
    labelNames: ['protocol', 'outcome'],
    registers: [this.registry],
  });
  readonly enrollments = new Counter({
    name: 'socle_device_enrollments_total',
    help: 'Device enrollments answered by the gateway, by protocol and outcome (ok, refused, error)',
    labelNames: ['protocol', 'outcome'],
    registers: [this.registry],
  });
  private readonly collectErrors = new Counter({
    name: 'socle_metrics_collect_errors_total',
    help: 'Scrapes where a source (database, queues) could not be read',
    labelNames: ['source'],
    registers: [this.registry],
  });
  private readonly pools = new Map<string, PgPool>();
  private readonly queues = new Map<string, Queue>();
  private commandsSource?: DataSource;
  private commandsCache?: { at: number; rows: Array<{ type: string; status: string; count: number }> };

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'socle_' });
    const { pools, queues, collectErrors } = this;
    const commandRows = () => this.commandRows();
    new Gauge({
      name: 'socle_db_pool_connections',
      help: 'PostgreSQL pool of each app: total, idle, and requests waiting for a connection',
      labelNames: ['app', 'state'],
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [app, pool] of pools) {
          this.set({ app, state: 'total' }, pool.totalCount);
          this.set({ app, state: 'idle' }, pool.idleCount);
          this.set({ app, state: 'waiting' }, pool.waitingCount);
        }
      },
    });
    new Gauge({
      name: 'socle_queue_jobs',
      help: 'BullMQ jobs by queue and state (failed: kept failures, bounded by removeOnFail)',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const [name, queue] of queues) {
          try {
            const counts = await queue.getJobCounts(...JOB_STATES);
            for (const state of JOB_STATES) this.set({ queue: name, state }, counts[state] ?? 0);
          } catch {
            collectErrors.inc({ source: 'queues' });
          }
        }
      },
    });
    new Gauge({
      name: 'socle_device_commands',
      help: 'Device commands in PostgreSQL by type and status (read at most every 10 s)',
      labelNames: ['type', 'status'],
      registers: [this.registry],
      async collect() {
        this.reset();
        for (const row of await commandRows()) this.set({ type: row.type, status: row.status }, row.count);
      },
    });
  }

  /** The app's PostgreSQL pool (TypeORM's pg Pool). */
  addDataSource(app: string, dataSource: DataSource): void {
    const pool = (dataSource.driver as unknown as { master?: PgPool }).master;
    if (pool) this.pools.set(app, pool);
    this.commandsSource ??= dataSource;
  }

  addQueue(queue: Queue): void {
    if (!this.queues.has(queue.name)) this.queues.set(queue.name, queue);
  }

  private async commandRows() {
    if (!this.commandsSource?.isInitialized) return [];
    if (this.commandsCache && Date.now() - this.commandsCache.at < COMMANDS_CACHE_MS) return this.commandsCache.rows;
    try {
      const rows = await this.commandsSource.query(
        'SELECT type, status, count(*)::int AS count FROM device_commands GROUP BY type, status',
      );
      this.commandsCache = { at: Date.now(), rows };
      return rows;
    } catch {
      this.collectErrors.inc({ source: 'database' });
      return this.commandsCache?.rows ?? [];
    }
  }
}

const byConfig = new WeakMap<SocleConfig, SocleMetrics>();

/** One set of series per process (per config object, so test files with several stacks stay apart). */
export function metricsOf(config: SocleConfig): SocleMetrics {
  let metrics = byConfig.get(config);
  if (!metrics) byConfig.set(config, (metrics = new SocleMetrics()));
  return metrics;
}
