import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, SocleError, validationFailed, violatedConstraint } from '@socle/core';
import { DeliveryJobs } from '@socle/delivery';
import { PacksService } from '@socle/fleet';
import { SchoolsService } from '@socle/tenancy';
import { AssignProfileDto } from './dto/assign-profile.dto';
import { AssignmentScope, ProfileAssignment } from './profile-assignment.entity';
import { ConvergenceScope, ProfileConvergenceService } from './profile-convergence.service';
import { ProfilesService } from './profiles.service';

/**
 * Assigning writes the assignment and one command per concerned device in one transaction; the
 * deliveries are queued after the commit (and by the reconciler if that enqueue is lost).
 */
@Injectable()
export class ProfileAssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly profiles: ProfilesService,
    private readonly packs: PacksService,
    private readonly schools: SchoolsService,
    private readonly convergence: ProfileConvergenceService,
    private readonly jobs: DeliveryJobs,
    private readonly audit: AuditService,
  ) {}

  async assign(
    actor: Actor,
    profileId: string,
    dto: AssignProfileDto,
  ): Promise<ProfileAssignment & { commandsQueued: number }> {
    const targets = (['packId', 'schoolId', 'collectiviteId'] as const).filter((key) => dto[key] !== undefined);
    if (targets.length !== 1) {
      throw validationFailed([
        {
          field: 'packId|schoolId|collectiviteId',
          problems: ['exactly one of packId, schoolId or collectiviteId is required'],
        },
      ]);
    }
    try {
      const { assignment, commandIds } = await this.dataSource.transaction(async (manager) => {
        const profile = await this.profiles.findVisible(actor, profileId, manager);
        const [scope, targetId] = await this.resolveTarget(actor, dto, manager);
        const assignment = await manager.save(
          manager.create(ProfileAssignment, {
            profileId,
            collectiviteId: profile.collectiviteId,
            scope,
            targetId,
            createdBy: actor.userId,
          }),
        );
        const commandIds = await this.convergence.converge(manager, await this.scopeOf(manager, scope, targetId));
        await this.audit.record(manager, actor, {
          action: 'profile.assign',
          entityType: 'profile',
          entityId: profileId,
          summary: { scope, targetId, commands: commandIds.length },
        });
        return { assignment, commandIds };
      });
      await this.jobs.enqueueAfterCommit(commandIds);
      return { ...assignment, commandsQueued: commandIds.length };
    } catch (error) {
      if (violatedConstraint(error) === 'uq_profile_assignments') {
        throw SocleError.conflict('PROFILE_ALREADY_ASSIGNED', 'Ce profil est déjà affecté à cette cible.');
      }
      throw error;
    }
  }

  async unassign(actor: Actor, profileId: string, assignmentId: string): Promise<{ commandsQueued: number }> {
    const commandIds = await this.dataSource.transaction(async (manager) => {
      await this.profiles.findVisible(actor, profileId, manager);
      const assignment = await manager.findOneBy(ProfileAssignment, { id: assignmentId, profileId });
      if (!assignment) throw SocleError.notFound('ASSIGNMENT_NOT_FOUND', "Cette affectation n'existe pas.");
      await manager.delete(ProfileAssignment, { id: assignmentId });
      const ids = await this.convergence.converge(
        manager,
        await this.scopeOf(manager, assignment.scope, assignment.targetId),
      );
      await this.audit.record(manager, actor, {
        action: 'profile.unassign',
        entityType: 'profile',
        entityId: profileId,
        summary: { scope: assignment.scope, targetId: assignment.targetId, commands: ids.length },
      });
      return ids;
    });
    await this.jobs.enqueueAfterCommit(commandIds);
    return { commandsQueued: commandIds.length };
  }

  list(actor: Actor, profileId: string): Promise<ProfileAssignment[]> {
    return this.profiles
      .findVisible(actor, profileId)
      .then(() =>
        this.dataSource.getRepository(ProfileAssignment).find({ where: { profileId }, order: { createdAt: 'ASC' } }),
      );
  }

  /** Every device any assignment of the profile reaches: what a new version must be pushed to. */
  async scopeOfProfile(manager: EntityManager, profileId: string): Promise<ConvergenceScope> {
    const assignments = await manager.findBy(ProfileAssignment, { profileId });
    const scopes = await Promise.all(
      assignments.map((assignment) => this.scopeOf(manager, assignment.scope, assignment.targetId)),
    );
    return {
      packIds: [...new Set(scopes.flatMap((scope) => scope.packIds))],
      unpackedCollectiviteIds: [...new Set(scopes.flatMap((scope) => scope.unpackedCollectiviteIds))],
    };
  }

  private async scopeOf(manager: EntityManager, scope: AssignmentScope, targetId: string): Promise<ConvergenceScope> {
    if (scope === 'pack') return { packIds: [targetId], unpackedCollectiviteIds: [] };
    const column = scope === 'school' ? 'school_id' : 'collectivite_id';
    const packs: Array<{ id: string }> = await manager.query(`SELECT id FROM packs WHERE ${column} = $1`, [targetId]);
    return {
      packIds: packs.map((pack) => pack.id),
      unpackedCollectiviteIds: scope === 'collectivite' ? [targetId] : [],
    };
  }

  /** Another collectivité's pack, school or the collectivité itself answer 404, like missing ones. */
  private async resolveTarget(
    actor: Actor,
    dto: AssignProfileDto,
    manager: EntityManager,
  ): Promise<[AssignmentScope, string]> {
    if (dto.packId) return ['pack', (await this.packs.findVisible(actor, dto.packId, manager)).id];
    if (dto.schoolId) return ['school', (await this.schools.findVisible(actor, dto.schoolId, manager)).id];
    if (dto.collectiviteId !== actor.tenantId()) {
      throw SocleError.notFound(
        'COLLECTIVITE_NOT_FOUND',
        "Cette collectivité n'existe pas ou ne vous est pas accessible.",
      );
    }
    return ['collectivite', dto.collectiviteId];
  }
}
