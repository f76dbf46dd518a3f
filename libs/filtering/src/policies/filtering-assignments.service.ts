import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, SocleError } from '@socle/core';
import { DeliveryJobs } from '@socle/delivery';
import { assertOneTarget, AssignmentTargets } from '@socle/fleet';
import { FilteringConvergenceService } from '../convergence/filtering-convergence.service';
import { ActiveCategoryMatcher } from '../lists/active-matcher';
import { AssignFilteringPolicyDto } from './dto/filtering-target.dto';
import { FilteringAssignment } from './filtering-assignment.entity';
import { contentOfEntity, FilteringPoliciesService } from './filtering-policies.service';
import { assertRespectsMandatory, collectiviteMandatory, lockTenantFiltering } from './mandatory-guard';

export interface AssignmentResult extends FilteringAssignment {
  /** The policy this level had before, which this one replaced. */
  replacedPolicyId: string | null;
  commandsQueued: number;
}

/**
 * One policy per level: assigning writes (or replaces) the level's policy and the commands it
 * implies for every device below, in one transaction; deliveries are queued after the commit.
 */
@Injectable()
export class FilteringAssignmentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: FilteringPoliciesService,
    private readonly targets: AssignmentTargets,
    private readonly matcher: ActiveCategoryMatcher,
    private readonly convergence: FilteringConvergenceService,
    private readonly jobs: DeliveryJobs,
    private readonly audit: AuditService,
  ) {}

  async assign(actor: Actor, policyId: string, dto: AssignFilteringPolicyDto): Promise<AssignmentResult> {
    assertOneTarget(dto);
    const matcher = await this.matcher.current();
    const { result, commandIds } = await this.dataSource.transaction(async (manager) => {
      const policy = await this.policies.findVisible(actor, policyId, manager);
      const { level: scope, targetId } = await this.targets.resolve(actor, dto, manager);
      await lockTenantFiltering(manager, policy.collectiviteId);
      assertRespectsMandatory(
        scope,
        contentOfEntity(policy),
        await collectiviteMandatory(manager, policy.collectiviteId),
        matcher,
        policy.name,
      );
      const [previous] = await manager.query(
        'SELECT policy_id FROM filtering_assignments WHERE scope = $1 AND target_id = $2',
        [scope, targetId],
      );
      const [row] = await manager.query(
        `INSERT INTO filtering_assignments (policy_id, collectivite_id, scope, target_id, created_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (scope, target_id) DO UPDATE SET policy_id = EXCLUDED.policy_id, created_by = EXCLUDED.created_by, created_at = now()
         RETURNING id`,
        [policyId, policy.collectiviteId, scope, targetId, actor.userId],
      );
      const commandIds = await this.convergence.converge(manager, await this.targets.scopeOf(manager, scope, targetId));
      const replacedPolicyId: string | null = previous && previous.policy_id !== policyId ? previous.policy_id : null;
      await this.audit.record(manager, actor, {
        action: 'filtering_policy.assign',
        entityType: 'filtering_policy',
        entityId: policyId,
        summary: { scope, targetId, replacedPolicyId, commands: commandIds.length },
      });
      const assignment = await manager.findOneByOrFail(FilteringAssignment, { id: row.id });
      return { result: { ...assignment, replacedPolicyId, commandsQueued: commandIds.length }, commandIds };
    });
    await this.jobs.enqueueAfterCommit(commandIds);
    return result;
  }

  async unassign(actor: Actor, policyId: string, assignmentId: string): Promise<{ commandsQueued: number }> {
    const commandIds = await this.dataSource.transaction(async (manager) => {
      const policy = await this.policies.findVisible(actor, policyId, manager);
      await lockTenantFiltering(manager, policy.collectiviteId);
      const assignment = await manager.findOneBy(FilteringAssignment, { id: assignmentId, policyId });
      if (!assignment) throw SocleError.notFound('FILTERING_ASSIGNMENT_NOT_FOUND', "Cette affectation n'existe pas.");
      await manager.delete(FilteringAssignment, { id: assignmentId });
      const ids = await this.convergence.converge(
        manager,
        await this.targets.scopeOf(manager, assignment.scope, assignment.targetId),
      );
      await this.audit.record(manager, actor, {
        action: 'filtering_policy.unassign',
        entityType: 'filtering_policy',
        entityId: policyId,
        summary: { scope: assignment.scope, targetId: assignment.targetId, commands: ids.length },
      });
      return ids;
    });
    await this.jobs.enqueueAfterCommit(commandIds);
    return { commandsQueued: commandIds.length };
  }

  async list(actor: Actor, policyId: string): Promise<FilteringAssignment[]> {
    await this.policies.findVisible(actor, policyId);
    return this.dataSource
      .getRepository(FilteringAssignment)
      .find({ where: { policyId }, order: { createdAt: 'ASC' } });
  }
}
