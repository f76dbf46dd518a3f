/** The 23 letters of the UAI check key: the alphabet without I, O and Q, which read like digits. */
const CHECK_LETTERS = 'ABCDEFGHJKLMNPRSTUVWXYZ';

/** The check letter of a UAI is its 7 digits modulo 23, read in CHECK_LETTERS. */
export function uaiCheckLetter(digits: string): string {
  return CHECK_LETTERS[Number(digits) % CHECK_LETTERS.length];
}

export type UaiProblem = 'format' | 'check_letter';

/** Normalises (trim, upper-case) and checks a UAI; returns the problem, or the normalised UAI. */
export function checkUai(input: string): { uai: string } | { problem: UaiProblem; expectedLetter?: string } {
  const uai = input.trim().toUpperCase();
  const match = /^(\d{7})([A-Z])$/.exec(uai);
  if (!match) return { problem: 'format' };
  const expectedLetter = uaiCheckLetter(match[1]);
  return match[2] === expectedLetter ? { uai } : { problem: 'check_letter', expectedLetter };
}
