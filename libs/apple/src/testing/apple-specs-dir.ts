import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..');

/** CI checks ../shared out beside the repository; SOCLE_APPLE_SPECS_DIR points elsewhere when needed. */
export function appleSpecsDir(): string {
  return process.env.SOCLE_APPLE_SPECS_DIR ?? join(REPO_ROOT, '..', 'shared', 'specs', 'apple-device-management');
}

/**
 * Registers the specs when Apple's schemas are there; otherwise one test that fails in CI, so a
 * missing ../shared never turns schema checks into silent skips.
 */
export function describeWithAppleSpecs(name: string, body: (specsDir: string) => void): void {
  const specsDir = appleSpecsDir();
  if (existsSync(join(specsDir, 'mdm', 'commands'))) describe(name, () => body(specsDir));
  else
    it(`${name}: finds Apple's device-management schemas beside the repository in CI`, () => {
      expect(process.env.CI).not.toBe('true');
    });
}

export const FIXTURES_DIR = join(REPO_ROOT, 'test', 'fixtures', 'apple');
