/**
 * The socle numérique de base, volet équipement, as Socle checks it: one classe mobile for four
 * classes, 10/12/15 devices of one OS per pack in a cart, tablets of at most 600 g with a screen of
 * at least 10", and 8 / 10 / 15 Mbit/s for small (≤ 3 classes), medium and large (≥ 16 classes) schools.
 */
export const SOCLE_RULES = {
  classesPerPack: 4,
  maxTabletGrams: 600,
  minTabletInches: 10,
  bandwidthMbps: { small: 8, medium: 10, large: 15 },
  sizeLabels: { small: '3 classes ou moins', medium: '4 à 15 classes', large: '16 classes ou plus' },
} as const;

export type SocleSize = keyof typeof SOCLE_RULES.bandwidthMbps;

export function socleSizeOf(classCount: number): SocleSize {
  return classCount <= 3 ? 'small' : classCount >= 16 ? 'large' : 'medium';
}
