import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { BenchResult, parseResults, resultsTable } from './support/bench-result';

/** Runs every bench/<name>/main.ts (or the names given) one after the other, each in its own process so none skews the next. */
const BENCH_DIR = __dirname;
const REPOSITORY_ROOT = join(BENCH_DIR, '..');

function availableBenchmarks(): string[] {
  return readdirSync(BENCH_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(BENCH_DIR, entry.name, 'main.ts')))
    .map((entry) => entry.name)
    .sort();
}

/** Runs one benchmark, echoing its output as it comes, and keeps the results it published. */
function runBenchmark(name: string): Promise<{ code: number; results: BenchResult[] }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(BENCH_DIR, name, 'main.ts')], {
      cwd: REPOSITORY_ROOT,
      stdio: ['inherit', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
    });
    child.on('error', (error) => {
      console.error(`bench/${name}: could not start (${error.message})`);
      resolve({ code: 1, results: [] });
    });
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), results: parseResults(output) }));
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
  const results: BenchResult[] = [];
  for (const name of requested.length ? requested : available) {
    console.log(`\n=== bench/${name} ===`);
    const outcome = await runBenchmark(name);
    results.push(...outcome.results);
    if (outcome.code !== 0) failed.push(name);
  }
  console.log(`\n=== Summary (${new Date().toISOString()}) ===\n${resultsTable(results)}`);
  if (failed.length) {
    console.error(`\nFailed: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

void main();
