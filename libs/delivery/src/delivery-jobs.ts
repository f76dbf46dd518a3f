import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { jobId, JobName, QueueName } from '@socle/core';

const CHUNK = 1_000;

/**
 * After a commit, one deliver-command job per new command, added in chunks. Ids are deterministic
 * (database instance + command id), so adding again — the reconciler does it freely — never
 * duplicates work, and a reset database cannot collide with jobs Redis still remembers.
 */
@Injectable()
export class DeliveryJobs {
  private readonly logger = new Logger(DeliveryJobs.name);
  private instance?: Promise<string>;

  constructor(
    @InjectQueue(QueueName.Delivery) private readonly queue: Queue,
    private readonly dataSource: DataSource,
  ) {}

  async enqueue(commandIds: readonly string[], onProgress?: (done: number, total: number) => void): Promise<void> {
    const instance = await this.instanceId();
    for (let start = 0; start < commandIds.length; start += CHUNK) {
      const chunk = commandIds.slice(start, start + CHUNK);
      await this.queue.addBulk(
        chunk.map((commandId) => ({
          name: JobName.DeliverCommand,
          data: { commandId },
          opts: { jobId: jobId(JobName.DeliverCommand, instance, commandId) },
        })),
      );
      onProgress?.(Math.min(start + CHUNK, commandIds.length), commandIds.length);
    }
    if (commandIds.length > CHUNK) this.logger.log(`Queued ${commandIds.length} command deliveries`);
  }

  /** The enqueue must never fail the change it follows: PostgreSQL holds it, the reconciler catches up. */
  async enqueueAfterCommit(commandIds: readonly string[]): Promise<void> {
    try {
      await this.enqueue(commandIds);
    } catch (error) {
      this.logger.warn(
        `Could not queue ${commandIds.length} deliveries now (${(error as Error).message}); the reconciler will`,
      );
    }
  }

  private instanceId(): Promise<string> {
    // A failed read (database briefly down) must not be remembered: the next enqueue asks again.
    this.instance ??= this.dataSource.query('SELECT id FROM platform_instance').then(
      (rows: Array<{ id: string }>) => rows[0].id,
      (error: Error) => {
        this.instance = undefined;
        throw error;
      },
    );
    return this.instance;
  }
}
