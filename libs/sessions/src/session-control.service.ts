import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, Role, SocleError } from '@socle/core';
import { DeliveryJobs } from '@socle/delivery';
import { ClassSession } from './class-session.entity';
import { DEFAULT_LOCK_MESSAGE } from './dto/lock-screens.dto';
import { issueToPack, supersedeUndelivered } from './session-commands';
import { SessionLifecycleService } from './session-lifecycle.service';
import { SessionsService } from './sessions.service';

/** What the session's teacher does during the lesson: lock every screen now, unlock, end early. */
@Injectable()
export class SessionControlService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly lifecycle: SessionLifecycleService,
    private readonly deliveries: DeliveryJobs,
    private readonly audit: AuditService,
  ) {}

  lock(actor: Actor, sessionId: string, message = DEFAULT_LOCK_MESSAGE) {
    return this.setScreens(actor, sessionId, true, message);
  }

  unlock(actor: Actor, sessionId: string) {
    return this.setScreens(actor, sessionId, false);
  }

  async end(actor: Actor, sessionId: string) {
    const session = await this.sessions.findVisible(actor, sessionId);
    ensureOwner(actor, session);
    const outcome = await this.lifecycle.end(session.id, actor, 'teacher');
    if (!outcome.done) throw SocleError.conflict('SESSION_ALREADY_ENDED', 'Cette séance est déjà terminée ou annulée.');
    return outcome;
  }

  /**
   * One command per device, one statement. A lock or unlock no device has fetched yet is dropped
   * when the teacher changes their mind, so a tablet that was off gets only the latest wish.
   */
  private async setScreens(actor: Actor, sessionId: string, locked: boolean, message?: string) {
    const result = await this.dataSource.transaction(async (manager: EntityManager) => {
      const session = await this.sessions.findVisible(actor, sessionId, manager, { lock: true });
      ensureOwner(actor, session);
      if (session.status !== 'active') {
        throw SocleError.conflict(
          'SESSION_NOT_ACTIVE',
          'La séance n’est pas en cours : on ne verrouille les écrans que pendant la séance.',
        );
      }
      await supersedeUndelivered(manager, session.id, ['lock', 'unlock']);
      const commandIds = await issueToPack(
        manager,
        session,
        locked ? 'lock' : 'unlock',
        locked ? { sessionId: session.id, message } : { sessionId: session.id },
        actor.userId,
      );
      await manager.update(ClassSession, { id: session.id }, { screensLocked: locked });
      await this.audit.record(manager, actor, {
        action: locked ? 'session.screens.lock' : 'session.screens.unlock',
        entityType: 'class_session',
        entityId: session.id,
        summary: { devices: commandIds.length, ...(message ? { message } : {}) },
      });
      return commandIds;
    });
    await this.deliveries.enqueueAfterCommit(result);
    return { sessionId, screensLocked: locked, devices: result.length };
  }
}

/** Colleagues see the pack's bookings, but only the session's teacher drives it. */
function ensureOwner(actor: Actor, session: ClassSession): void {
  // The booking teacher, or the school head / ERUN of that school helping them.
  const helper = actor.role !== Role.Teacher && actor.canRunSessionsIn(session.schoolId);
  if (session.teacherId !== actor.userId && !helper) {
    throw SocleError.forbidden('SESSION_NOT_YOURS', "Seul l'enseignant qui a réservé cette séance peut la piloter.");
  }
}
