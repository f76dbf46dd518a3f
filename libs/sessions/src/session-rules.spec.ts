import { SocleError } from '@socle/core';
import { lessonHosts, MAX_AHEAD_MS, overlapError, PAST_GRACE_MS, sessionTimesProblem } from './session-rules';

const NOW = new Date('2026-03-12T08:00:00Z');
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);
const codeOf = (error: SocleError | null) => error && { status: error.status, code: error.code };

describe('session time rules', () => {
  it('accepts a lesson of an hour that starts now, or a few minutes ago (a teacher booking late)', () => {
    expect(sessionTimesProblem(at(0), at(60), NOW)).toBeNull();
    expect(sessionTimesProblem(at(-4), at(56), NOW)).toBeNull();
  });

  it('refuses an end before or at the start', () => {
    expect(codeOf(sessionTimesProblem(at(60), at(60), NOW))).toEqual({ status: 422, code: 'SESSION_RANGE_INVALID' });
    expect(codeOf(sessionTimesProblem(at(60), at(30), NOW))).toEqual({ status: 422, code: 'SESSION_RANGE_INVALID' });
  });

  it('refuses more than a school day of 8 hours, but not exactly 8', () => {
    expect(sessionTimesProblem(at(0), at(8 * 60), NOW)).toBeNull();
    const tooLong = sessionTimesProblem(at(0), at(8 * 60 + 1), NOW);
    expect(codeOf(tooLong)).toEqual({ status: 422, code: 'SESSION_TOO_LONG' });
    expect(tooLong!.message).toContain('8 h');
  });

  it('refuses a start in the past beyond the grace, and one more than about a year ahead', () => {
    const pastGraceMinutes = PAST_GRACE_MS / 60_000;
    expect(codeOf(sessionTimesProblem(at(-pastGraceMinutes - 1), at(30), NOW))).toEqual({
      status: 422,
      code: 'SESSION_IN_PAST',
    });
    const aheadMinutes = MAX_AHEAD_MS / 60_000;
    expect(sessionTimesProblem(at(aheadMinutes), at(aheadMinutes + 60), NOW)).toBeNull();
    expect(codeOf(sessionTimesProblem(at(aheadMinutes + 1), at(aheadMinutes + 61), NOW))).toEqual({
      status: 422,
      code: 'SESSION_TOO_FAR',
    });
  });
});

describe('the overlap explanation', () => {
  it('names the lesson in the way, in Paris time whatever the server’s zone', () => {
    const error = overlapError({
      id: 'b5a3c1d0-0000-4000-8000-000000000001',
      starts_at: new Date('2026-03-12T08:00:00Z'),
      ends_at: new Date('2026-03-12T09:00:00Z'),
      classroom: 'CM1 A',
    });
    expect(codeOf(error)).toEqual({ status: 409, code: 'SESSION_OVERLAP' });
    expect(error.message).toBe(
      'Ce pack est déjà réservé le jeudi 12 mars de 09:00 à 10:00 (CM1 A) : choisissez un autre horaire ou un autre pack.',
    );
    expect(error.details).toEqual({
      conflict: {
        sessionId: 'b5a3c1d0-0000-4000-8000-000000000001',
        startsAt: new Date('2026-03-12T08:00:00Z'),
        endsAt: new Date('2026-03-12T09:00:00Z'),
        classroom: 'CM1 A',
      },
    });
  });

  it('still refuses, without a name, when the lesson in the way is gone by the time it is looked up', () => {
    const error = overlapError(undefined);
    expect(error.message).toBe('Ce pack est déjà réservé : choisissez un autre horaire ou un autre pack.');
    expect(error.details).toEqual({ conflict: null });
  });
});

describe('the sites of a lesson from a profile', () => {
  it('keeps the hosts of GAR resources and ENT links only, lower-cased', () => {
    expect(
      lessonHosts([
        { kind: 'gar_resource', url: 'https://GAR.education.fr/ressource/42' },
        { kind: 'ent_link', url: 'https://ent.ville.fr/' },
        { kind: 'web_clip', url: 'https://jeux.example.fr/' },
      ]),
    ).toEqual(['gar.education.fr', 'ent.ville.fr']);
  });
});
