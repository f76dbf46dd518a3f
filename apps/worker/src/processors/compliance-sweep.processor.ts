import { Injectable, Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobName } from '@socle/core';
import { ComplianceEvaluator } from '@socle/compliance';
import { JobHandler } from '../job-handler';

/**
 * Hourly, and for one collectivité when asked (`{collectiviteId}`): "days without check-in" grows
 * while a tablet sleeps in its cart, so compliance cannot wait for a check-in that never comes.
 * Running twice only writes the same evaluation twice.
 */
@Injectable()
export class ComplianceSweepProcessor implements JobHandler {
  readonly job = JobName.ComplianceSweep;
  private readonly logger = new Logger(ComplianceSweepProcessor.name);

  constructor(private readonly evaluator: ComplianceEvaluator) {}

  async handle(job: Job<{ collectiviteId?: string }>): Promise<{ evaluated: number }> {
    const evaluated = await this.evaluator.evaluateTenant(job.data?.collectiviteId ?? null);
    if (evaluated) this.logger.log(`Compliance evaluated for ${evaluated} devices`);
    return { evaluated };
  }
}
