import 'reflect-metadata';
import { cpus } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { CategoryMatcher, CategoryMatcherBuilder } from '@socle/filtering';
import { benchHttpCheck } from './http-check';
import { BAR_WIDTH, barChart, domainOf, queriesOf, Rate } from './generated-lists';
import { publishResult } from '../support/bench-result';

/**
 * The category matcher against a raw `Set.has` suffix walk, on generated lists (nothing is
 * downloaded): 2,000,000 domains across 60 categories by default. Then, unless
 * BENCH_FILTER_HTTP=0, the real pipeline: streamed import into PostgreSQL, and the HTTP check endpoint.
 */
const DOMAINS = Number(process.env.BENCH_FILTER_DOMAINS ?? 2_000_000);
const CATEGORIES = 60;
const QUERIES = 1_000_000;
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 3000);

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The JavaScript heap plus ArrayBuffers: the matcher keeps its domains in typed arrays, outside the heap's objects. */
function heapUsed(): number {
  gc();
  gc();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

function progress(label: string, done: number, total: number): void {
  if (done % 500_000 === 0 || done === total)
    console.log(`  ${label}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
}

function buildMatcher(): { matcher: CategoryMatcher; bytes: number; ms: number } {
  const before = heapUsed();
  const started = performance.now();
  const builder = new CategoryMatcherBuilder('bench');
  for (let category = 0; category < CATEGORIES; category++) builder.category(`category-${category}`);
  for (let index = 0; index < DOMAINS; index++) {
    // About 2 % of domains are listed in two categories, as in the real lists (adult and mixed_adult…).
    builder.addDomain(index % CATEGORIES, domainOf(index));
    if (index % 50 === 0) builder.addDomain((index * 7 + 3) % CATEGORIES, domainOf(index));
    progress('matcher', index + 1, DOMAINS);
  }
  const matcher = builder.build();
  const ms = performance.now() - started;
  return { matcher, bytes: heapUsed() - before, ms };
}

function buildBaseline(): { set: Set<string>; bytes: number; ms: number } {
  const before = heapUsed();
  const started = performance.now();
  const set = new Set<string>();
  for (let index = 0; index < DOMAINS; index++) {
    set.add(domainOf(index));
    progress('baseline Set', index + 1, DOMAINS);
  }
  const ms = performance.now() - started;
  return { set, bytes: heapUsed() - before, ms };
}

function measure(label: string, lookup: (host: string) => number, queries: string[]): Rate & { hits: number } {
  console.log(`\n${label} (${DURATION_MS / 1000} s)`);
  let hits = 0;
  for (let index = 0; index < 100_000; index++) lookup(queries[index]);
  const start = performance.now();
  let count = 0;
  let nextProgress = start + 1000;
  while (performance.now() - start < DURATION_MS) {
    for (let index = 0; index < 10_000; index++) if (lookup(queries[(count + index) % queries.length]) >= 0) hits++;
    count += 10_000;
    if (performance.now() >= nextProgress) {
      console.log(`  ${((performance.now() - start) / 1000).toFixed(1)} s  ${count.toLocaleString('en')} lookups`);
      nextProgress += 1000;
    }
  }
  const perSecond = (count * 1000) / (performance.now() - start);
  console.log(
    `  => ${Math.round(perSecond).toLocaleString('en')} lookups/s (${((hits / count) * 100).toFixed(1)} % listed)`,
  );
  return { label, perSecond, hits };
}

async function main(): Promise<void> {
  console.log(`Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; one thread`);
  console.log(
    `Generating and loading ${DOMAINS.toLocaleString('en')} domains across ${CATEGORIES} categories (deterministic, in memory)`,
  );
  const queries = queriesOf(QUERIES, DOMAINS);
  const built = buildMatcher();
  const baseline = buildBaseline();
  const blocked = built.matcher.flagsOf(Array.from({ length: CATEGORIES / 2 }, (_, index) => `category-${index * 2}`));
  const matcherRate = measure(
    'Matcher: first blocked category of each host (suffixes probed in a compact hash table of category sets)',
    (host) => built.matcher.blockedCategoryOf(host, blocked),
    queries,
  );
  const set = baseline.set;
  const rawRate = measure(
    'Raw baseline: Set.has over the same suffix walk (listed or not, no categories)',
    (host) => {
      for (let start = 0; ;) {
        if (set.has(start === 0 ? host : host.slice(start))) return 1;
        const dot = host.indexOf('.', start);
        if (dot < 0) return -1;
        start = dot + 1;
      }
    },
    queries,
  );

  const ratio = matcherRate.perSecond / rawRate.perSecond;
  console.log('\nSummary');
  console.log(
    barChart(
      [
        { label: 'matcher', perSecond: matcherRate.perSecond },
        { label: 'raw Set.has', perSecond: rawRate.perSecond },
      ],
      BAR_WIDTH,
    ),
  );
  console.log(
    `\nMatcher memory: ${(built.bytes / 1048576).toFixed(0)} MB added, ${(built.matcher.tableBytes / 1048576).toFixed(0)} MB of it in typed arrays (built in ${(built.ms / 1000).toFixed(1)} s); raw Set: ${(baseline.bytes / 1048576).toFixed(0)} MB`,
  );
  console.log(
    `Matcher / raw Set.has baseline: ${ratio.toFixed(2)} (target ≥ 0.5) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`,
  );
  console.log(
    `Memory added by the matcher: ${(built.bytes / 1048576).toFixed(0)} MB (target < 500 MB) ${built.bytes < 500 * 1048576 ? 'OK' : 'ABOVE TARGET'}`,
  );
  publishResult({
    bench: 'filter',
    figure: `category lookups, ${DOMAINS.toLocaleString('en')} domains`,
    unit: '/s',
    measured: matcherRate.perSecond,
    baseline: rawRate.perSecond,
    ratio,
    target: 'ratio ≥ 0.5, < 500 MB',
    met: ratio >= 0.5 && built.bytes < 500 * 1048576,
  });
  if (process.env.BENCH_FILTER_HTTP === '0') return;
  // Free the in-memory structures: the API below loads its own matcher from PostgreSQL.
  (built as { matcher?: CategoryMatcher }).matcher = undefined;
  (baseline as { set?: Set<string> }).set = undefined;
  await benchHttpCheck({ domains: DOMAINS, categories: CATEGORIES, durationMs: DURATION_MS, heapUsed });
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    console.error(error);
    process.exit(1);
  },
);
