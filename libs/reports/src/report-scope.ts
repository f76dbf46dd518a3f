import { Actor, SocleError } from '@socle/core';

/**
 * A school head reads the reports of their schools only: the school asked for must be one of
 * theirs, and with one school the filter is implied. Everyone else reads as they asked.
 */
export function scopeToActor<T extends { schoolId?: string }>(actor: Actor, query: T): T {
  if (!actor.seesOnlyOwnSchools()) return query;
  if (query.schoolId) {
    if (!actor.canSeeSchool(query.schoolId))
      throw SocleError.notFound('SCHOOL_NOT_FOUND', "Cette école n'existe pas ou ne vous est pas accessible.");
    return query;
  }
  if (actor.schoolIds.length === 1) return { ...query, schoolId: actor.schoolIds[0] };
  throw SocleError.badRequest(
    'SCHOOL_ID_REQUIRED',
    'Précisez l’école du rapport (paramètre schoolId) : vous lisez les rapports de vos écoles, une à la fois.',
  );
}
