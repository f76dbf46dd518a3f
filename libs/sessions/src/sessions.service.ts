import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, Clock, JobName, SocleError, violatedConstraint } from '@socle/core';
import { Pack, PacksService } from '@socle/fleet';
import { ClassSession, MAX_SESSION_HOURS } from './class-session.entity';
import { CreateSessionDto } from './dto/create-session.dto';
import { SessionJobs } from './session-jobs';
import { frenchSlot } from './session-times';

const HOUR_MS = 3600_000;
/** A teacher who books "now" at 9:02 for a 9:00 lesson is not booking in the past. */
const PAST_GRACE_MS = 5 * 60_000;
const MAX_AHEAD_MS = 400 * 24 * HOUR_MS;
const unprocessable = (code: string, message: string, details?: Record<string, unknown>) =>
  new SocleError(HttpStatus.UNPROCESSABLE_ENTITY, code, message, details);

/** An ERUN reads every school but books only in the schools they follow. */
const notYourSchool = () =>
  SocleError.forbidden('SCHOOL_NOT_YOURS', 'Vous ne réservez que dans les écoles auxquelles vous êtes rattaché·e.');

@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly packs: PacksService,
    private readonly jobs: SessionJobs,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** A teacher books a pack of one of their schools for a classroom of the pack's school. */
  async book(actor: Actor, dto: CreateSessionDto): Promise<ClassSession> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    this.checkTimes(startsAt, endsAt);
    let session: ClassSession;
    try {
      session = await this.dataSource.transaction(async (manager) => {
        const pack = await this.packs.findVisible(actor, dto.packId, manager);
        if (!actor.canRunSessionsIn(pack.schoolId)) throw notYourSchool();
        await this.checkClassroom(actor, manager, dto.classroomId, pack);
        const allowedAppIds = await this.checkApps(manager, dto.allowedAppIds ?? [], pack);
        const allowedDomains = [
          ...new Set([
            ...(dto.allowedDomains ?? []),
            ...(await this.profileHosts(actor, manager, dto.resourcesFromProfileId)),
          ]),
        ];
        const saved = await manager.save(
          manager.create(ClassSession, {
            collectiviteId: pack.collectiviteId,
            schoolId: pack.schoolId,
            packId: pack.id,
            classroomId: dto.classroomId,
            teacherId: actor.userId,
            startsAt,
            endsAt,
            plannedEndsAt: endsAt,
            allowedAppIds,
            allowedDomains,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'session.book',
          entityType: 'class_session',
          entityId: saved.id,
          summary: { after: { ...dto, allowedAppIds, allowedDomains } },
        });
        return saved;
      });
    } catch (error) {
      if (violatedConstraint(error) === 'xcl_class_sessions_pack_time')
        throw await this.overlap(dto.packId, startsAt, endsAt);
      throw error;
    }
    await this.jobs.scheduleAfterCommit([
      { job: JobName.SessionStart, sessionId: session.id, at: startsAt },
      { job: JobName.SessionEnd, sessionId: session.id, at: endsAt },
    ]);
    return session;
  }

  /** Another collectivité's session, or one of a school a teacher does not belong to, is answered like a missing one. */
  async findVisible(
    actor: Actor,
    sessionId: string,
    manager: EntityManager = this.dataSource.manager,
    options: { lock?: boolean } = {},
  ): Promise<ClassSession> {
    const session = await manager.findOne(ClassSession, {
      where: { id: sessionId, collectiviteId: actor.tenantId() },
      lock: options.lock ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!session || !actor.canSeeSchool(session.schoolId))
      throw SocleError.notFound('SESSION_NOT_FOUND', "Cette séance n'existe pas ou ne vous est pas accessible.");
    return session;
  }

  private checkTimes(startsAt: Date, endsAt: Date): void {
    const now = this.clock.now().getTime();
    if (endsAt.getTime() <= startsAt.getTime())
      throw unprocessable('SESSION_RANGE_INVALID', 'La fin de la séance doit suivre son début.');
    if (endsAt.getTime() - startsAt.getTime() > MAX_SESSION_HOURS * HOUR_MS) {
      throw unprocessable(
        'SESSION_TOO_LONG',
        `Une séance dure au plus une journée de classe (${MAX_SESSION_HOURS} h) : réservez plusieurs séances.`,
      );
    }
    if (startsAt.getTime() < now - PAST_GRACE_MS)
      throw unprocessable('SESSION_IN_PAST', 'Cette séance commence dans le passé : choisissez un horaire à venir.');
    if (startsAt.getTime() > now + MAX_AHEAD_MS)
      throw unprocessable('SESSION_TOO_FAR', 'Réservez au plus un an à l’avance.');
  }

  private async checkClassroom(actor: Actor, manager: EntityManager, classroomId: string, pack: Pack): Promise<void> {
    const [classroom] = await manager.query(
      'SELECT c.school_id FROM classrooms c JOIN schools s ON s.id = c.school_id WHERE c.id = $1 AND s.collectivite_id = $2',
      [classroomId, actor.tenantId()],
    );
    if (!classroom || !actor.canSeeSchool(classroom.school_id))
      throw SocleError.notFound('CLASSROOM_NOT_FOUND', "Cette classe n'existe pas ou ne vous est pas accessible.");
    if (classroom.school_id !== pack.schoolId)
      throw unprocessable(
        'CLASSROOM_OTHER_SCHOOL',
        "Cette classe n'est pas dans l'école du pack : réservez un pack de l'école de la classe.",
      );
  }

  private async checkApps(manager: EntityManager, appIds: string[], pack: Pack): Promise<string[]> {
    const unique = [...new Set(appIds)];
    if (!unique.length) return [];
    const apps: Array<{ id: string; platform: string; name: string }> = await manager.query(
      'SELECT id, platform, name FROM catalog_apps WHERE id = ANY($1::uuid[]) AND collectivite_id = $2',
      [unique, pack.collectiviteId],
    );
    if (apps.length !== unique.length)
      throw SocleError.notFound(
        'APP_NOT_FOUND',
        "Une des apps demandées n'existe pas dans le catalogue de la collectivité.",
      );
    const foreign = apps.filter((app) => app.platform !== pack.osFamily);
    if (foreign.length) {
      throw unprocessable(
        'APP_PLATFORM_MISMATCH',
        `Ces apps ne sont pas pour les appareils du pack (${pack.osFamily}) : ${foreign.map((app) => app.name).join(', ')}.`,
      );
    }
    return unique;
  }

  /** The host names of a profile's GAR resources and ENT links, at its latest version. */
  private async profileHosts(actor: Actor, manager: EntityManager, profileId?: string): Promise<string[]> {
    if (!profileId) return [];
    const [version] = await manager.query(
      `SELECT v.resources FROM profiles p JOIN profile_versions v ON v.profile_id = p.id AND v.version = p.latest_version
        WHERE p.id = $1 AND p.collectivite_id = $2`,
      [profileId, actor.tenantId()],
    );
    if (!version)
      throw SocleError.notFound('PROFILE_NOT_FOUND', "Ce profil n'existe pas ou ne vous est pas accessible.");
    return (version.resources as Array<{ kind: string; url: string }>)
      .filter((resource) => resource.kind === 'gar_resource' || resource.kind === 'ent_link')
      .map((resource) => new URL(resource.url).hostname.toLowerCase());
  }

  /** Names the booking in the way (only this tenant's pack can be in the way). */
  private async overlap(packId: string, startsAt: Date, endsAt: Date): Promise<SocleError> {
    const [conflict] = await this.dataSource.query(
      `SELECT s.id, s.starts_at, s.ends_at, c.name AS classroom FROM class_sessions s JOIN classrooms c ON c.id = s.classroom_id
        WHERE s.pack_id = $1 AND s.status <> 'cancelled' AND tstzrange(s.starts_at, s.ends_at) && tstzrange($2, $3) ORDER BY s.starts_at LIMIT 1`,
      [packId, startsAt, endsAt],
    );
    const slot = conflict ? ` ${frenchSlot(conflict.starts_at, conflict.ends_at)} (${conflict.classroom})` : '';
    return SocleError.conflict(
      'SESSION_OVERLAP',
      `Ce pack est déjà réservé${slot} : choisissez un autre horaire ou un autre pack.`,
      {
        conflict: conflict
          ? {
              sessionId: conflict.id,
              startsAt: conflict.starts_at,
              endsAt: conflict.ends_at,
              classroom: conflict.classroom,
            }
          : null,
      },
    );
  }
}
