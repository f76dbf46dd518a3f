import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobName, SocleConfig } from '@socle/core';
import { CommandSetsService, DeliveryJobs, DeviceNotifier } from '@socle/delivery';
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
    private readonly commands: CommandSetsService,
    private readonly jobs: DeliveryJobs,
    private readonly notifier: DeviceNotifier,
    private readonly config: SocleConfig,
  ) {}

  async handle(): Promise<{ requeued: number; woken: number }> {
    const pending = await this.commands.dueCommandIds(this.dataSource.manager, BATCH);
    await this.jobs.enqueue(pending);
    const silent = await this.commands.silentDevicesWithOpenCommands(
      this.dataSource.manager,
      this.config.silentDeviceSeconds,
    );
    await this.notifier.wake(silent);
    if (pending.length || silent.length)
      this.logger.log(`Re-queued ${pending.length} deliveries, woke ${silent.length} silent devices`);
    return { requeued: pending.length, woken: silent.length };
  }
}
