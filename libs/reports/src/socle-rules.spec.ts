import { toCsv } from '@socle/core';
import { socleSizeOf, SOCLE_RULES } from './socle-rules';

describe('socle numérique de base rules', () => {
  it('sizes schools as small (≤ 3 classes), medium, large (≥ 16 classes) with 8 / 10 / 15 Mbit/s', () => {
    expect([1, 3, 4, 15, 16, 40].map(socleSizeOf)).toEqual(['small', 'small', 'medium', 'medium', 'large', 'large']);
    expect([1, 3, 4, 15, 16].map((classes) => SOCLE_RULES.bandwidthMbps[socleSizeOf(classes)])).toEqual([
      8, 8, 10, 10, 15,
    ]);
  });
});

describe('CSV exports', () => {
  it('quote only what needs it, with a BOM and ";" for a French spreadsheet', () => {
    const csv = toCsv(
      [{ header: 'name', value: (row: { name: string | null }) => row.name }],
      [{ name: 'École « A »' }, { name: 'a;b' }, { name: 'dit "x"' }, { name: null }, { name: 'deux\nlignes' }],
    );
    expect(csv).toBe('\ufeffname\r\nÉcole « A »\r\n"a;b"\r\n"dit ""x"""\r\n\r\n"deux\nlignes"\r\n');
  });
});
