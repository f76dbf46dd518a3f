import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName } from '@socle/core';
import { DeviceNotifier } from '@socle/delivery';
import { JobHandler } from '../job-handler';

/** Reloads the command from PostgreSQL and wakes its device if it still waits; running twice is harmless. */
@Injectable()
export class DeliverCommandProcessor implements JobHandler {
  readonly job = JobName.DeliverCommand;

  constructor(
    private readonly dataSource: DataSource,
    private readonly notifier: DeviceNotifier,
  ) {}

  async handle(job: Job<{ commandId: string }>): Promise<{ woken: boolean }> {
    const [command] = await this.dataSource.query(
      `SELECT device_id FROM device_commands WHERE id = $1 AND status IN ('pending', 'delivered')`,
      [job.data.commandId],
    );
    if (!command) return { woken: false };
    await this.notifier.wake([command.device_id]);
    return { woken: true };
  }
}
