import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, JobName, SocleConfig } from '@socle/core';
import { DUE_TOLERANCE_MS, SessionLifecycleService } from './session-lifecycle.service';
import { SessionJobs, TimedJob } from './session-jobs';

const BATCH = 500;
/** Timed jobs due within this horizon are re-added (free when Redis still has them), so a lost one still fires on time. */
const LOOKAHEAD_MS = 3600_000;

/**
 * PostgreSQL decides. Starts what should have started, ends what should have ended, checks what
 * should have been checked — whatever Redis forgot — then re-adds the timed jobs of the coming
 * hour so that the next transitions happen on the minute, not at the next reconcile.
 */
@Injectable()
export class SessionReconcilerService {
  private readonly logger = new Logger(SessionReconcilerService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly lifecycle: SessionLifecycleService,
    private readonly jobs: SessionJobs,
    private readonly clock: Clock,
    private readonly config: SocleConfig,
  ) {}

  async reconcile(): Promise<{ started: number; ended: number; checked: number; rescheduled: number }> {
    const author = { system: 'session-reconcile' };
    const now = this.clock.now();
    const due = new Date(now.getTime() + DUE_TOLERANCE_MS);
    const delay = `${this.config.returnCheckDelaySeconds} seconds`;
    const ids = (sql: string, params: unknown[]) =>
      this.dataSource.query(sql, params).then((rows: Array<{ id: string }>) => rows.map((row) => row.id));

    const toStart = await ids(
      `SELECT id FROM class_sessions WHERE status = 'scheduled' AND starts_at <= $1 ORDER BY starts_at LIMIT $2`,
      [due, BATCH],
    );
    const toEnd = await ids(
      `SELECT id FROM class_sessions WHERE status = 'active' AND ends_at <= $1 ORDER BY ends_at LIMIT $2`,
      [due, BATCH],
    );
    const toCheck = await ids(
      `SELECT id FROM class_sessions WHERE status = 'ended' AND return_checked_at IS NULL AND ended_at + $2::interval <= $1 ORDER BY ended_at LIMIT $3`,
      [due, delay, BATCH],
    );
    let started = 0;
    let ended = 0;
    let checked = 0;
    for (const id of toStart) started += Number((await this.lifecycle.start(id, author)).done);
    for (const id of toEnd) ended += Number((await this.lifecycle.end(id, author, 'scheduled')).done);
    for (const id of toCheck) checked += Number((await this.lifecycle.returnCheck(id, author)).done);

    const horizon = new Date(now.getTime() + LOOKAHEAD_MS);
    const upcoming: Array<{ id: string; job: TimedJob['job']; at: Date }> = await this.dataSource.query(
      `SELECT id, $3 AS job, starts_at AS at FROM class_sessions WHERE status = 'scheduled' AND starts_at > $1 AND starts_at <= $2
       UNION ALL SELECT id, $4, ends_at FROM class_sessions WHERE status IN ('scheduled', 'active') AND ends_at > $1 AND ends_at <= $2
       UNION ALL SELECT id, $5, ended_at + $6::interval FROM class_sessions
        WHERE status = 'ended' AND return_checked_at IS NULL AND ended_at + $6::interval > $1 AND ended_at + $6::interval <= $2`,
      [due, horizon, JobName.SessionStart, JobName.SessionEnd, JobName.SessionReturnCheck, delay],
    );
    await this.jobs.schedule(upcoming.map((row) => ({ job: row.job, sessionId: row.id, at: row.at })));
    if (started || ended || checked)
      this.logger.log(`Reconciled sessions: ${started} started, ${ended} ended, ${checked} checked`);
    return { started, ended, checked, rescheduled: upcoming.length };
  }
}
