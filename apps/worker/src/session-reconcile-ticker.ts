import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { SocleConfig } from '@socle/core';
import { SessionJobs } from '@socle/sessions';

/**
 * Asks for a session-reconcile job every reconcile interval, from a timer of this process rather
 * than a BullMQ job scheduler: a scheduler lives in Redis and is gone with it, whereas this timer
 * re-creates the job at its next tick after Redis lost every key, without a worker restart — so a
 * pack is never left locked past its session. The job id is per time slot: several workers, one job.
 */
@Injectable()
export class SessionReconcileTicker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(SessionReconcileTicker.name);
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly jobs: SessionJobs,
    private readonly config: SocleConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.tick();
    this.timer = setInterval(() => void this.tick(), this.config.reconcileIntervalSeconds * 1000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      await this.jobs.requestReconcile(this.config.reconcileIntervalSeconds);
    } catch (error) {
      this.logger.warn(`Could not queue the session reconcile (${(error as Error).message}); next tick will`);
    }
  }
}
