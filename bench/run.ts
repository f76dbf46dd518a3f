import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Runs every bench/<name>/main.ts (or the names given) one after the other, each in its own process so none skews the next. */
const BENCH_DIR = __dirname;
const REPOSITORY_ROOT = join(BENCH_DIR, '..');

function availableBenchmarks(): string[] {
  return readdirSync(BENCH_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(BENCH_DIR, entry.name, 'main.ts')))
    .map((entry) => entry.name)
    .sort();
}

function runBenchmark(name: string): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(BENCH_DIR, name, 'main.ts')], {
      cwd: REPOSITORY_ROOT,
      stdio: 'inherit',
    });
    child.on('error', (error) => {
      console.error(`bench/${name}: could not start (${error.message})`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main(): Promise<void> {
  const available = availableBenchmarks();
  const requested = process.argv.slice(2);
  const unknown = requested.filter((name) => !available.includes(name));
  if (unknown.length) {
    console.error(`Unknown benchmark: ${unknown.join(', ')}. Available: ${available.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const failed: string[] = [];
  for (const name of requested.length ? requested : available) {
    console.log(`\n=== bench/${name} ===`);
    if ((await runBenchmark(name)) !== 0) failed.push(name);
  }
  if (failed.length) {
    console.error(`\nFailed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

void main();
