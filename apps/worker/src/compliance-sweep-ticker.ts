import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { jobId, JobName, QueueName } from '@socle/core';

const HOUR_MS = 3_600_000;
const TICK_MS = 10 * 60_000;

/**
 * Asks for the hourly compliance sweep from a timer of this process, not a BullMQ job scheduler
 * (which lives in Redis and would vanish with it). The job id is the hour: several workers, and
 * every tick of the hour, add one job; after Redis lost its keys the next tick adds it again.
 */
@Injectable()
export class ComplianceSweepTicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ComplianceSweepTicker.name);
  private timer?: NodeJS.Timeout;

  constructor(@InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), TICK_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      const hour = Math.floor(Date.now() / HOUR_MS);
      await this.maintenance.add(JobName.ComplianceSweep, {}, { jobId: jobId(JobName.ComplianceSweep, 'hour', hour) });
    } catch (error) {
      this.logger.warn(`Could not queue the compliance sweep (${(error as Error).message}); next tick will`);
    }
  }
}
