import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, SocleError, violatedConstraint } from '@socle/core';
import { DeliveryJobs } from '@socle/delivery';
import { assertOneTarget, AssignmentTargets } from '@socle/fleet';
import { AssignProfileDto } from './dto/assign-profile.dto';
import { ProfileAssignment } from './profile-assignment.entity';
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
    private readonly targets: AssignmentTargets,
    private readonly convergence: ProfileConvergenceService,
    private readonly jobs: DeliveryJobs,
    private readonly audit: AuditService,
  ) {}

  async assign(
    actor: Actor,
    profileId: string,
    dto: AssignProfileDto,
  ): Promise<ProfileAssignment & { commandsQueued: number }> {
    assertOneTarget(dto);
    try {
      const { assignment, commandIds } = await this.dataSource.transaction(async (manager) => {
        const profile = await this.profiles.findVisible(actor, profileId, manager);
        const { level: scope, targetId } = await this.targets.resolve(actor, dto, manager);
        const assignment = await manager.save(
          manager.create(ProfileAssignment, {
            profileId,
            collectiviteId: profile.collectiviteId,
            scope,
            targetId,
            createdBy: actor.userId,
          }),
        );
        const commandIds = await this.convergence.converge(
          manager,
          await this.targets.scopeOf(manager, scope, targetId),
        );
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
        await this.targets.scopeOf(manager, assignment.scope, assignment.targetId),
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
    return this.targets.scopeOfAll(manager, await manager.findBy(ProfileAssignment, { profileId }));
  }
}
