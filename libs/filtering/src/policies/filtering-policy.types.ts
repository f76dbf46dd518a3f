import { ASSIGNMENT_LEVELS, AssignmentLevel, LEVEL_LABELS, LEVEL_RANK } from '@socle/fleet';

/** The levels a policy is assigned at: fleet's assignment target (pack over school over collectivité). */
export const POLICY_LEVELS = ASSIGNMENT_LEVELS;
export type PolicyLevel = AssignmentLevel;
export { LEVEL_LABELS, LEVEL_RANK };

export const YOUTUBE_MODES = ['off', 'moderate', 'strict'] as const;
export type YoutubeMode = (typeof YOUTUBE_MODES)[number];

/** Each field left out is inherited from the level above. */
export interface SafeSearchSettings {
  google?: boolean;
  bing?: boolean;
  youtube?: YoutubeMode;
  /** Qwant Junior as the default search engine, where the platform lets us set it. */
  qwantJunior?: boolean;
}

export const SAFE_SEARCH_KEYS = ['google', 'bing', 'youtube', 'qwantJunior'] as const;
export type SafeSearchKey = (typeof SAFE_SEARCH_KEYS)[number];

/** The stored content of a filtering policy (domains already normalised: lower-case punycode). */
export interface FilteringPolicyContent {
  blockedCategories: string[];
  allowedCategories: string[];
  mandatoryCategories: string[];
  deniedDomains: string[];
  allowedDomains: string[];
  /** Null: inherited. */
  allowListOnly: boolean | null;
  safeSearch: SafeSearchSettings;
}

/** A policy as it applies at one level of a pack's chain. */
export interface PolicyAtLevel {
  level: PolicyLevel;
  policyId: string;
  policyName: string;
  content: FilteringPolicyContent;
}
