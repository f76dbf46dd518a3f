import { SocleError } from '@socle/core';

const MIN_LENGTH = 12;
const COMMON = ['motdepasse', 'password', 'azerty', 'qwerty', '123456', 'socle', 'ecole', 'bonjour', 'soleil'];

/** The minimum policy (ANSSI-style length over complexity): 12 characters, not the e-mail, not a trivial sequence. */
export function passwordProblem(password: string, email?: string): string | null {
  if (password.length < MIN_LENGTH) return `il doit compter au moins ${MIN_LENGTH} caractères`;
  if (new Set(password).size < 5) return 'il doit compter au moins 5 caractères différents';
  const plain = password
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '');
  const local =
    email
      ?.split('@')[0]
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '') ?? '';
  if (local.length >= 4 && plain.includes(local)) return "il ne doit pas reprendre l'adresse e-mail";
  if (COMMON.some((word) => plain.replace(/\d+$/, '') === word || plain === word.repeat(2)))
    return "c'est un mot de passe trop courant";
  return null;
}

export function assertPasswordPolicy(password: string, email?: string, field = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem) {
    throw SocleError.badRequest(
      'PASSWORD_TOO_WEAK',
      `Mot de passe trop faible : ${problem}. Choisissez par exemple une phrase de quatre mots.`,
      {
        fields: [{ field, problems: ['password_policy'] }],
      },
    );
  }
}
