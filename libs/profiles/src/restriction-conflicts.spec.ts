import { applyVariant, DesiredProfile, resolveRestrictionConflicts } from './restriction-conflicts';

const at = (minutes: number) => new Date(Date.UTC(2026, 8, 1, 8, minutes));
const profile = (
  profileId: string,
  specificity: number,
  restrictions: DesiredProfile['restrictions'],
  minutes = 0,
): DesiredProfile => ({
  profileId,
  version: 1,
  specificity,
  assignedAt: at(minutes),
  restrictions,
});

describe('resolveRestrictionConflicts', () => {
  it('lets the pack’s profile decide a restriction the collectivité’s also sets', () => {
    const resolved = resolveRestrictionConflicts([
      profile('town', 1, { allowCamera: false, allowErase: false }),
      profile('pack', 3, { allowCamera: true }),
    ]);
    expect(resolved).toEqual([
      { profileId: 'town', version: 1, variant: 'allowCamera' },
      { profileId: 'pack', version: 1, variant: '' },
    ]);
  });

  it('breaks a tie between equally specific assignments by the latest one', () => {
    const resolved = resolveRestrictionConflicts([
      profile('old', 2, { allowCamera: false }, 0),
      profile('new', 2, { allowCamera: true }, 5),
    ]);
    expect(resolved.find((entry) => entry.profileId === 'old')!.variant).toBe('allowCamera');
    expect(resolved.find((entry) => entry.profileId === 'new')!.variant).toBe('');
  });

  it('leaves profiles that do not overlap untouched, and ignores keys left undefined', () => {
    const resolved = resolveRestrictionConflicts([
      profile('a', 1, { allowCamera: false }),
      profile('b', 3, { allowErase: false, allowCamera: undefined }),
    ]);
    expect(resolved.map((entry) => entry.variant)).toEqual(['', '']);
  });

  it('removes the suppressed keys when rendering', () => {
    expect(applyVariant({ allowCamera: false, allowErase: false }, 'allowCamera')).toEqual({ allowErase: false });
    expect(applyVariant({ allowCamera: false }, '')).toEqual({ allowCamera: false });
  });
});
