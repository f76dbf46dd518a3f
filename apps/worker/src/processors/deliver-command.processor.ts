import { Injectable } from '@nestjs/common';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { JobName } from '@socle/core';
import { CommandSetsService, DeviceNotifier } from '@socle/delivery';
import { JobHandler } from '../job-handler';

/** Reloads the command from PostgreSQL and wakes its device if it still waits; running twice is harmless. */
@Injectable()
export class DeliverCommandProcessor implements JobHandler {
  readonly job = JobName.DeliverCommand;

  constructor(
    private readonly dataSource: DataSource,
    private readonly commands: CommandSetsService,
    private readonly notifier: DeviceNotifier,
  ) {}

  async handle(job: Job<{ commandId: string }>): Promise<{ woken: boolean }> {
    const deviceId = await this.commands.deviceOfOpenCommand(this.dataSource.manager, job.data.commandId);
    if (!deviceId) return { woken: false };
    await this.notifier.wake([deviceId]);
    return { woken: true };
  }
}
