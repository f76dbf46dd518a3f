import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  Length,
  Matches,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { normalizeDomainRule } from '../domain-names';
import { SAFE_SEARCH_KEYS, YOUTUBE_MODES } from '../filtering-policy.types';

export const CATEGORY_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const CATEGORY_MESSAGE =
  'each category is a list name such as adult, gambling or phishing (lower-case letters, digits, _ - .)';

@ValidatorConstraint({ name: 'domainRule' })
class DomainRuleConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && value.length <= 260 && normalizeDomainRule(value) !== null;
  }

  defaultMessage(): string {
    return 'each domain is a host name (example.fr), a wildcard for its subdomains (*.example.fr) or an IP address, without scheme or path';
  }
}

/** `true`/`false` as a shorthand for Google, Bing and YouTube (strict) at once, or the settings one by one. */
@ValidatorConstraint({ name: 'safeSearch' })
class SafeSearchConstraint implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    if (typeof value === 'boolean') return true;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    return Object.entries(value).every(([key, setting]) => {
      if (!(SAFE_SEARCH_KEYS as readonly string[]).includes(key)) return false;
      if (setting === null) return true;
      return key === 'youtube' ? (YOUTUBE_MODES as readonly unknown[]).includes(setting) : typeof setting === 'boolean';
    });
  }

  defaultMessage(): string {
    return `safeSearch is true, false, or an object with google, bing, qwantJunior (booleans) and youtube (${YOUTUBE_MODES.join(' | ')})`;
  }
}

/** The contract's body: `{name, blockedCategories[], allowedCategories[], mandatoryCategories[], deniedDomains[], allowedDomains[], allowListOnly, safeSearch}`. PUT replaces it whole. */
export class FilteringPolicyDto {
  @ApiProperty({ example: 'Filtrage des écoles' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({
    type: [String],
    example: ['gambling', 'violence'],
    description: 'Blocked at the levels where this policy is assigned',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(CATEGORY_NAME, { each: true, message: CATEGORY_MESSAGE })
  blockedCategories?: string[];

  @ApiPropertyOptional({
    type: [String],
    description: 'Unblocks what a higher level blocked (never a mandatory category)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(CATEGORY_NAME, { each: true, message: CATEGORY_MESSAGE })
  allowedCategories?: string[];

  @ApiPropertyOptional({
    type: [String],
    example: ['adult', 'phishing', 'malware'],
    description: 'Collectivité level only: blocked, and no lower level can unblock them',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @Matches(CATEGORY_NAME, { each: true, message: CATEGORY_MESSAGE })
  mandatoryCategories?: string[];

  @ApiPropertyOptional({ type: [String], example: ['jeux-en-ligne.fr', '*.publicite.fr'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @Validate(DomainRuleConstraint, { each: true })
  deniedDomains?: string[];

  @ApiPropertyOptional({ type: [String], example: ['lumni.fr', 'gar.education.fr'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @Validate(DomainRuleConstraint, { each: true })
  allowedDomains?: string[];

  @ApiPropertyOptional({ description: 'Only allowed domains pass (maternelle); left out: inherited' })
  @IsOptional()
  @IsBoolean()
  allowListOnly?: boolean | null;

  @ApiPropertyOptional({ example: { google: true, bing: true, youtube: 'strict', qwantJunior: true } })
  @IsOptional()
  @Validate(SafeSearchConstraint)
  safeSearch?: boolean | Record<string, unknown>;
}
