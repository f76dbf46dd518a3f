import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..', '..', '..');

/** CI checks the shared folder out beside the repository; SOCLE_APPLE_SPECS_DIR points elsewhere when needed. */
export function appleSpecsDir(): string {
  return process.env.SOCLE_APPLE_SPECS_DIR ?? join(REPO_ROOT, '..', 'shared', 'specs', 'apple-device-management');
}
