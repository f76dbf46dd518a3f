import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAuthor, AuditService } from '@socle/audit';
import { Clock, JobName, SocleConfig } from '@socle/core';
import { DeliveryJobs } from '@socle/delivery';
import { ClassSession, EndReason } from './class-session.entity';
import { ReturnCheckService } from './return-check.service';
import { SessionCommands } from './session-commands';
import { SessionJobs } from './session-jobs';

/** A delayed job may fire a hair early; a transition this close to its time is due. */
export const DUE_TOLERANCE_MS = 2_000;

export type Outcome = { sessionId: string; done: boolean; reason?: string };

/**
 * The session's transitions, each in one transaction on the locked session row, each harmless to
 * run twice (the status decides): the delayed job, the reconciler and the teacher may all try.
 */
@Injectable()
export class SessionLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessionCommands: SessionCommands,
    private readonly deliveries: DeliveryJobs,
    private readonly jobs: SessionJobs,
    private readonly returnChecks: ReturnCheckService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: SocleConfig,
  ) {}

  /** Puts the session overlay on every device of the pack (rendered per platform at hand-over). */
  async start(sessionId: string, author: AuditAuthor): Promise<Outcome> {
    const now = this.clock.now();
    const result = await this.dataSource.transaction(
      async (manager): Promise<{ done: boolean; reason?: string; commandIds?: string[]; endsAt?: Date }> => {
        const session = await lockSession(manager, sessionId);
        if (!session || session.status !== 'scheduled')
          return { done: false, reason: session ? `already ${session.status}` : 'unknown' };
        if (session.startsAt.getTime() > now.getTime() + DUE_TOLERANCE_MS) return { done: false, reason: 'not yet' };
        if (session.endsAt.getTime() <= now.getTime()) {
          await manager.update(
            ClassSession,
            { id: session.id },
            { status: 'ended', endReason: 'missed', endedAt: now, returnCheckedAt: now },
          );
          await this.audit.record(manager, author, {
            action: 'session.missed',
            entityType: 'class_session',
            entityId: session.id,
            collectiviteId: session.collectiviteId,
          });
          return { done: false, reason: 'missed' };
        }
        const commandIds = await this.sessionCommands.issueToPack(
          manager,
          session,
          'session_start',
          { sessionId: session.id, startsAt: session.startsAt, endsAt: session.endsAt },
          null,
        );
        await manager.update(ClassSession, { id: session.id }, { status: 'active', startedAt: now });
        await this.audit.record(manager, author, {
          action: 'session.start',
          entityType: 'class_session',
          entityId: session.id,
          collectiviteId: session.collectiviteId,
          summary: { devices: commandIds.length },
        });
        return { done: true, commandIds, endsAt: session.endsAt };
      },
    );
    if (result.commandIds && result.endsAt) {
      await this.deliveries.enqueueAfterCommit(result.commandIds);
      await this.jobs.scheduleAfterCommit([{ job: JobName.SessionEnd, sessionId, at: result.endsAt }]);
    }
    return { sessionId, done: result.done, reason: result.reason };
  }

  /**
   * Takes the overlay off (and unlocks screens left locked). Before its start, ending a session
   * cancels the booking. `reason` scheduled only acts once the end time has come.
   */
  async end(sessionId: string, author: AuditAuthor, reason: EndReason): Promise<Outcome> {
    const now = this.clock.now();
    const work = async (tx: EntityManager) => {
      const session = await lockSession(tx, sessionId);
      if (!session) return { done: false, reason: 'unknown' };
      if (session.status === 'scheduled' && reason === 'teacher') {
        await tx.update(ClassSession, { id: session.id }, { status: 'cancelled', endedAt: now });
        await this.audit.record(tx, author, {
          action: 'session.cancel',
          entityType: 'class_session',
          entityId: session.id,
          collectiviteId: session.collectiviteId,
        });
        return { done: true, cancelled: true, commandIds: [] as string[] };
      }
      if (session.status !== 'active') return { done: false, reason: `already ${session.status}` };
      if (reason === 'scheduled' && session.endsAt.getTime() > now.getTime() + DUE_TOLERANCE_MS)
        return { done: false, reason: 'not yet' };
      await this.sessionCommands.supersedeUndelivered(tx, session.id);
      const unlocks = session.screensLocked
        ? await this.sessionCommands.issueToPack(tx, session, 'unlock', { sessionId: session.id }, null, {
            onlyIfHanded: 'lock',
          })
        : [];
      const ends = await this.sessionCommands.issueToPack(tx, session, 'session_end', { sessionId: session.id }, null, {
        onlyIfHanded: 'session_start',
      });
      // Ending early frees the rest of the slot for another booking (and switches the Wi-Fi off sooner).
      const endsAt =
        reason === 'teacher' ? new Date(Math.max(now.getTime(), session.startsAt.getTime() + 60_000)) : session.endsAt;
      await tx.update(
        ClassSession,
        { id: session.id },
        {
          status: 'ended',
          endReason: reason,
          endedAt: now,
          screensLocked: false,
          endsAt: endsAt < session.endsAt ? endsAt : session.endsAt,
        },
      );
      await this.audit.record(tx, author, {
        action: 'session.end',
        entityType: 'class_session',
        entityId: session.id,
        collectiviteId: session.collectiviteId,
        summary: { reason, devices: ends.length },
      });
      return { done: true, cancelled: false, commandIds: [...unlocks, ...ends] };
    };
    const result = await this.dataSource.transaction(work);
    if (result.done && !('cancelled' in result && result.cancelled)) {
      await this.deliveries.enqueueAfterCommit(result.commandIds ?? []);
      await this.jobs.scheduleAfterCommit([
        {
          job: JobName.SessionReturnCheck,
          sessionId,
          at: new Date(now.getTime() + this.config.returnCheckDelaySeconds * 1000),
        },
      ]);
    }
    return { sessionId, done: result.done, reason: result.reason };
  }

  async returnCheck(sessionId: string, author: AuditAuthor): Promise<Outcome & { notReturned?: number }> {
    const now = this.clock.now();
    return this.dataSource.transaction(async (manager) => {
      const session = await lockSession(manager, sessionId);
      if (!session || session.status !== 'ended' || session.returnCheckedAt)
        return { sessionId, done: false, reason: 'nothing to check' };
      const due = (session.endedAt ?? session.endsAt).getTime() + this.config.returnCheckDelaySeconds * 1000;
      if (due > now.getTime() + DUE_TOLERANCE_MS) return { sessionId, done: false, reason: 'not yet' };
      const notReturned = await this.returnChecks.record(manager, session, now);
      await this.audit.record(manager, author, {
        action: 'session.return_check',
        entityType: 'class_session',
        entityId: session.id,
        collectiviteId: session.collectiviteId,
        summary: { notReturned },
      });
      return { sessionId, done: true, notReturned };
    });
  }
}

function lockSession(manager: EntityManager, sessionId: string): Promise<ClassSession | null> {
  return manager.findOne(ClassSession, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
}
