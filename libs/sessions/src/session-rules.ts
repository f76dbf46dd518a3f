import { HttpStatus } from '@nestjs/common';
import { SocleError } from '@socle/core';
import { MAX_SESSION_HOURS } from './class-session.entity';
import { frenchSlot } from './session-times';

const HOUR_MS = 3600_000;
/** A teacher who books "now" at 9:02 for a 9:00 lesson is not booking in the past. */
export const PAST_GRACE_MS = 5 * 60_000;
export const MAX_AHEAD_MS = 400 * 24 * HOUR_MS;

const unprocessable = (code: string, message: string) => new SocleError(HttpStatus.UNPROCESSABLE_ENTITY, code, message);

/** What is wrong with a booking's times at `now`, or null: the end follows the start, within a school day, not past, not too far ahead. */
export function sessionTimesProblem(startsAt: Date, endsAt: Date, now: Date): SocleError | null {
  const start = startsAt.getTime();
  const end = endsAt.getTime();
  if (end <= start) return unprocessable('SESSION_RANGE_INVALID', 'La fin de la séance doit suivre son début.');
  if (end - start > MAX_SESSION_HOURS * HOUR_MS) {
    return unprocessable(
      'SESSION_TOO_LONG',
      `Une séance dure au plus une journée de classe (${MAX_SESSION_HOURS} h) : réservez plusieurs séances.`,
    );
  }
  if (start < now.getTime() - PAST_GRACE_MS)
    return unprocessable('SESSION_IN_PAST', 'Cette séance commence dans le passé : choisissez un horaire à venir.');
  if (start > now.getTime() + MAX_AHEAD_MS)
    return unprocessable('SESSION_TOO_FAR', 'Réservez au plus un an à l’avance.');
  return null;
}

/** The booking in the way, as PostgreSQL found it (none when it ended or was cancelled meanwhile). */
export interface ConflictingSession {
  id: string;
  starts_at: Date;
  ends_at: Date;
  classroom: string;
}

/** 409 SESSION_OVERLAP that tells the teacher which lesson holds the pack, in Paris time. */
export function overlapError(conflict: ConflictingSession | undefined): SocleError {
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

/** The sites a lesson may reach from a profile: the hosts of its GAR resources and ENT links, lower-cased. */
export function lessonHosts(resources: ReadonlyArray<{ kind: string; url: string }>): string[] {
  return resources
    .filter((resource) => resource.kind === 'gar_resource' || resource.kind === 'ent_link')
    .map((resource) => new URL(resource.url).hostname.toLowerCase());
}
