import { HttpStatus } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SocleError } from '@socle/core';
import type { CategoryMatcher } from '../lists/category-matcher';
import { FilteringPolicyContent, LEVEL_LABELS, PolicyLevel } from './filtering-policy.types';

/** Serialises every filtering change of one collectivité, so two concurrent edits cannot slip a mandatory category past each other. */
export async function lockTenantFiltering(manager: EntityManager, collectiviteId: string): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('socle.filtering.' || $1))`, [collectiviteId]);
}

export async function collectiviteMandatory(manager: EntityManager, collectiviteId: string): Promise<string[]> {
  const [row] = await manager.query(
    `SELECT p.mandatory_categories FROM filtering_assignments a JOIN filtering_policies p ON p.id = a.policy_id
      WHERE a.scope = 'collectivite' AND a.target_id = $1`,
    [collectiviteId],
  );
  return row?.mandatory_categories ?? [];
}

/**
 * What a policy set below the collectivité may not do: carry mandatory categories of its own,
 * unblock one of the collectivité's, or allow a domain the lists put in one (409 CATEGORY_MANDATORY).
 */
export function assertRespectsMandatory(
  level: PolicyLevel,
  content: FilteringPolicyContent,
  mandatory: readonly string[],
  matcher: CategoryMatcher,
  policyName: string,
): void {
  if (level === 'collectivite') return;
  if (content.mandatoryCategories.length) {
    throw new SocleError(
      HttpStatus.CONFLICT,
      'MANDATORY_ONLY_AT_COLLECTIVITE',
      `La politique « ${policyName} » rend des catégories obligatoires (${content.mandatoryCategories.join(', ')}) : cela ne se fait qu'au niveau de la collectivité. Retirez-les avant de l'affecter à ${LEVEL_LABELS[level]}.`,
      { mandatoryCategories: content.mandatoryCategories },
    );
  }
  const unblocked = content.allowedCategories.filter((category) => mandatory.includes(category));
  if (unblocked.length) {
    throw new SocleError(
      HttpStatus.CONFLICT,
      'CATEGORY_MANDATORY',
      `${unblocked.join(', ')} : catégorie(s) rendue(s) obligatoire(s) par la collectivité, que ${LEVEL_LABELS[level]} ne peut pas débloquer. Retirez-les des catégories autorisées.`,
      { categories: unblocked, level },
    );
  }
  const domains = content.allowedDomains.flatMap((domain) => {
    const host = domain.startsWith('*.') ? domain.slice(2) : domain;
    const categories = matcher
      .matches(host)
      .flatMap((match) => match.categories)
      .filter((category) => mandatory.includes(category));
    return categories.length ? [{ domain, categories: [...new Set(categories)] }] : [];
  });
  if (domains.length) {
    const listed = domains.map((entry) => `${entry.domain} (${entry.categories.join(', ')})`).join(', ');
    throw new SocleError(
      HttpStatus.CONFLICT,
      'CATEGORY_MANDATORY',
      `Domaine(s) ${listed} classé(s) dans une catégorie obligatoire de la collectivité : ${LEVEL_LABELS[level]} ne peut pas les autoriser.`,
      { domains, level },
    );
  }
}
