import { checkUai, uaiCheckLetter } from './uai';

describe('UAI check letter', () => {
  it.each([
    ['0750655', 'E'],
    ['0010001', 'W'],
    ['0000000', 'A'],
    ['0000022', 'Z'],
    ['0000023', 'A'],
  ])('%s → %s', (digits, letter) => {
    expect(uaiCheckLetter(digits)).toBe(letter);
  });

  it('accepts a correct UAI whatever its case and surrounding spaces', () => {
    expect(checkUai(' 0750655e ')).toEqual({ uai: '0750655E' });
  });

  it('rejects a wrong check letter and says which one was expected', () => {
    expect(checkUai('0750655F')).toEqual({ problem: 'check_letter', expectedLetter: 'E' });
  });

  it.each(['075065E', '07506551', 'ABCDEFGH', '0750655EE', '', '075 655E'])('rejects the malformed "%s"', (input) => {
    expect(checkUai(input)).toEqual({ problem: 'format' });
  });

  it('never proposes I, O or Q', () => {
    const letters = new Set(Array.from({ length: 23 }, (_, rest) => uaiCheckLetter(String(rest).padStart(7, '0'))));
    expect([...letters].sort().join('')).toBe('ABCDEFGHJKLMNPRSTUVWXYZ');
  });
});
