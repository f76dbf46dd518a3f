import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

/** Where the console's sources and its build live; the api serves CONSOLE_DIST at `/`. */
export const CONSOLE_ROOT = join(__dirname, '..');
export const CONSOLE_DIST = join(CONSOLE_ROOT, 'dist');
const HASH_FILE = join(CONSOLE_DIST, '.source-hash');
const INPUTS = ['src', 'index.html', 'vite.config.mts', 'tsconfig.json', '../../package-lock.json'];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** A digest of everything the build reads: the build is stale when it differs from the one written beside it. */
export function sourceHash(): string {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap((input) => files(join(CONSOLE_ROOT, input)))) {
    hash.update(relative(CONSOLE_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

export function consoleBuildIsFresh(): boolean {
  return (
    existsSync(join(CONSOLE_DIST, 'index.html')) &&
    existsSync(HASH_FILE) &&
    readFileSync(HASH_FILE, 'utf8') === sourceHash()
  );
}

/**
 * Builds the console with Vite unless the build on disk matches the sources. Without Vite (an
 * image installed with --omit=dev) a fresh build is served as it is, and a missing one is said.
 */
export function ensureConsoleBuilt(log: (line: string) => void = console.log): 'fresh' | 'built' | 'unavailable' {
  if (consoleBuildIsFresh()) return 'fresh';
  let vite: string;
  try {
    // Vite's exports map hides bin/, its package.json is public.
    vite = join(dirname(require.resolve('vite/package.json', { paths: [CONSOLE_ROOT] })), 'bin', 'vite.js');
  } catch {
    log(
      'Console web : Vite est absent (installation sans devDependencies) ; lancez « npm ci » puis « npm run console:build ».',
    );
    return 'unavailable';
  }
  log('Web console: building (vite build)…');
  const hash = sourceHash();
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], {
    cwd: CONSOLE_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`vite build failed with status ${result.status}`);
  writeFileSync(HASH_FILE, hash);
  return 'built';
}

if (require.main === module) {
  const force = process.argv.includes('--force');
  if (force && existsSync(HASH_FILE)) writeFileSync(HASH_FILE, '');
  ensureConsoleBuilt();
}
