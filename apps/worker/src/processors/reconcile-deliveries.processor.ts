import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobName, SocleConfig } from '@socle/core';
import { DeliveryJobs, DeviceNotifier } from '@socle/delivery';
import { JobHandler } from '../job-handler';

const BATCH = 50_000;

/**
 * PostgreSQL is the truth: whatever it says is pending is queued again (deterministic job ids make
 * that free when Redis still has it), and devices with open commands that went silent are woken.
 */
@Injectable()
export class ReconcileDeliveriesProcessor implements JobHandler {
  readonly job = JobName.ReconcileDeliveries;
  private readonly logger = new Logger(ReconcileDeliveriesProcessor.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: DeliveryJobs,
    private readonly notifier: DeviceNotifier,
    private readonly config: SocleConfig,
  ) {}

  async handle(): Promise<{ requeued: number; woken: number }> {
    const pending: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM device_commands WHERE status = 'pending' AND next_attempt_at <= now() ORDER BY created_at LIMIT $1`,
      [BATCH],
    );
    await this.jobs.enqueue(pending.map((row) => row.id));
    const silent: Array<{ device_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT c.device_id FROM device_commands c JOIN devices d ON d.id = c.device_id
        WHERE c.status IN ('pending', 'delivered') AND c.next_attempt_at <= now()
          AND (d.last_checkin_at IS NULL OR d.last_checkin_at < now() - make_interval(secs => $1))`,
      [this.config.silentDeviceSeconds],
    );
    await this.notifier.wake(silent.map((row) => row.device_id));
    if (pending.length || silent.length)
      this.logger.log(`Re-queued ${pending.length} deliveries, woke ${silent.length} silent devices`);
    return { requeued: pending.length, woken: silent.length };
  }
}
