import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateAppleProfile } from '@socle/profiles';
import type { AppleSchemaProblem } from '@socle/profiles';

export const REPO_ROOT = resolve(__dirname, '..', '..');

/** CI checks the shared folder out beside the repository; SOCLE_APPLE_SPECS_DIR points elsewhere when needed. */
export function appleSpecsDir(): string {
  return process.env.SOCLE_APPLE_SPECS_DIR ?? join(REPO_ROOT, '..', 'shared', 'specs', 'apple-device-management');
}

/**
 * The one guard of every Apple-schema check: the folder of Apple's schemas, or undefined on a
 * developer's machine without ../shared. In CI a missing folder throws, so the schema checks can
 * never pass there by not running.
 */
export function appleSpecsDirIfPresent(): string | undefined {
  const dir = appleSpecsDir();
  if (existsSync(dir)) return dir;
  if (process.env.CI === 'true')
    throw new Error(`Apple's device-management schemas are missing from ${dir}: CI must check ../shared out.`);
  return undefined;
}

/** What Apple's schemas say about a profile; nothing where the schemas are absent outside CI (see the guard). */
export function appleSchemaProblems(profile: unknown, os: 'iOS' | 'macOS' = 'iOS'): AppleSchemaProblem[] {
  const dir = appleSpecsDirIfPresent();
  return dir ? validateAppleProfile(profile, dir, { os }) : [];
}
