import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, Page, PageQuery, SocleError, toPage, validationFailed, violatedConstraint } from '@socle/core';
import { DeliveryJobs } from '@socle/delivery';
import { AssignmentTargets } from '@socle/fleet';
import { FilteringConvergenceService } from '../convergence/filtering-convergence.service';
import { ActiveCategoryMatcher } from '../lists/active-matcher';
import { FilteringPolicyDto } from './dto/filtering-policy.dto';
import { FilteringAssignment } from './filtering-assignment.entity';
import { FilteringPolicy } from './filtering-policy.entity';
import { FilteringPolicyContent } from './filtering-policy.types';
import { assertRespectsMandatory, collectiviteMandatory, lockTenantFiltering } from './mandatory-guard';
import { policyContentOf, unknownCategories } from './policy-content';

export interface FilteringPolicyView extends FilteringPolicy {
  assignments: Array<Pick<FilteringAssignment, 'id' | 'scope' | 'targetId' | 'createdAt'>>;
  /** In French: what the technician should look at (unknown categories…). */
  warnings: string[];
  commandsQueued?: number;
}

@Injectable()
export class FilteringPoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly matcher: ActiveCategoryMatcher,
    private readonly convergence: FilteringConvergenceService,
    private readonly targets: AssignmentTargets,
    private readonly jobs: DeliveryJobs,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: FilteringPolicyDto): Promise<FilteringPolicyView> {
    const collectiviteId = actor.tenantId();
    const content = this.contentOf(dto);
    const policy = await this.translate(dto.name, () =>
      this.dataSource.transaction(async (manager) => {
        const saved = await manager.save(
          manager.create(FilteringPolicy, { ...content, name: dto.name, collectiviteId, createdBy: actor.userId }),
        );
        await this.audit.record(manager, actor, {
          action: 'filtering_policy.create',
          entityType: 'filtering_policy',
          entityId: saved.id,
          summary: { after: { name: dto.name, ...content } },
        });
        return saved;
      }),
    );
    return this.view(actor, policy.id);
  }

  /** Replaces the whole content; every level the policy is assigned to is checked again, then its devices converge. */
  async update(actor: Actor, policyId: string, dto: FilteringPolicyDto): Promise<FilteringPolicyView> {
    const content = this.contentOf(dto);
    const matcher = await this.matcher.current();
    const commandIds = await this.translate(dto.name, () =>
      this.dataSource.transaction(async (manager) => {
        const before = await this.findVisible(actor, policyId, manager);
        await lockTenantFiltering(manager, before.collectiviteId);
        const assignments = await manager.findBy(FilteringAssignment, { policyId });
        const mandatory = await collectiviteMandatory(manager, before.collectiviteId);
        for (const assignment of assignments)
          assertRespectsMandatory(assignment.scope, content, mandatory, matcher, dto.name);
        await manager.update(FilteringPolicy, { id: policyId }, { ...content, name: dto.name });
        const scope = await this.targets.scopeOfAll(manager, assignments);
        const ids = await this.convergence.converge(manager, scope);
        await this.audit.record(manager, actor, {
          action: 'filtering_policy.update',
          entityType: 'filtering_policy',
          entityId: policyId,
          summary: { before: contentOfEntity(before), after: { name: dto.name, ...content }, commands: ids.length },
        });
        return ids;
      }),
    );
    await this.jobs.enqueueAfterCommit(commandIds);
    return { ...(await this.view(actor, policyId)), commandsQueued: commandIds.length };
  }

  async remove(actor: Actor, policyId: string): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const policy = await this.findVisible(actor, policyId, manager);
        await manager.delete(FilteringPolicy, { id: policyId });
        await this.audit.record(manager, actor, {
          action: 'filtering_policy.delete',
          entityType: 'filtering_policy',
          entityId: policyId,
          summary: { before: { name: policy.name } },
        });
      });
    } catch (error) {
      if (violatedConstraint(error) === 'fk_filtering_assignments_policy') {
        throw SocleError.conflict(
          'FILTERING_POLICY_ASSIGNED',
          'Cette politique est encore affectée : retirez ses affectations avant de la supprimer.',
        );
      }
      throw error;
    }
  }

  async list(actor: Actor, page: PageQuery): Promise<Page<FilteringPolicy>> {
    const builder = this.dataSource
      .getRepository(FilteringPolicy)
      .createQueryBuilder('policy')
      .where('policy.collectivite_id = :tenant', { tenant: actor.tenantId() })
      .orderBy('policy.id')
      .take(page.limit + 1);
    if (page.cursor) builder.andWhere('policy.id > :cursor', { cursor: page.cursor });
    return toPage(await builder.getMany(), page.limit);
  }

  async view(actor: Actor, policyId: string): Promise<FilteringPolicyView> {
    const policy = await this.findVisible(actor, policyId);
    const assignments = await this.dataSource
      .getRepository(FilteringAssignment)
      .find({ where: { policyId }, order: { createdAt: 'ASC' } });
    const unknown = unknownCategories(contentOfEntity(policy), (await this.matcher.current()).categories);
    return {
      ...policy,
      assignments: assignments.map(({ id, scope, targetId, createdAt }) => ({ id, scope, targetId, createdAt })),
      warnings: unknown.length
        ? [
            `Catégorie(s) absente(s) des listes actives : ${unknown.join(', ')}. Vérifiez l'orthographe (les noms sont ceux des dossiers des listes).`,
          ]
        : [],
    };
  }

  /** Another collectivité's policy is answered like a missing one. */
  async findVisible(
    actor: Actor,
    policyId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<FilteringPolicy> {
    const policy = await manager.findOneBy(FilteringPolicy, { id: policyId, collectiviteId: actor.tenantId() });
    if (!policy)
      throw SocleError.notFound(
        'FILTERING_POLICY_NOT_FOUND',
        "Cette politique de filtrage n'existe pas ou ne vous est pas accessible.",
      );
    return policy;
  }

  private contentOf(dto: FilteringPolicyDto): FilteringPolicyContent {
    const { content, problems } = policyContentOf(dto);
    if (problems.length) throw validationFailed(problems);
    return content;
  }

  private async translate<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (violatedConstraint(error) === 'uq_filtering_policies_name') {
        throw SocleError.conflict('FILTERING_POLICY_NAME_TAKEN', `Une politique de filtrage « ${name} » existe déjà.`);
      }
      throw error;
    }
  }
}

export function contentOfEntity(policy: FilteringPolicy): FilteringPolicyContent {
  const {
    blockedCategories,
    allowedCategories,
    mandatoryCategories,
    deniedDomains,
    allowedDomains,
    allowListOnly,
    safeSearch,
  } = policy;
  return {
    blockedCategories,
    allowedCategories,
    mandatoryCategories,
    deniedDomains,
    allowedDomains,
    allowListOnly,
    safeSearch,
  };
}
