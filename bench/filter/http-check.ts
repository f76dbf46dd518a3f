import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INestApplication } from '@nestjs/common';
import Redis from 'ioredis';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditService } from '@socle/audit';
import { dataSourceOptions, loadConfig, prepareDatabase } from '@socle/core';
import { ActiveCategoryMatcher, folderListFiles, ListImporter } from '@socle/filtering';
import { uaiCheckLetter } from '@socle/tenancy';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { ApiClient } from '../../test/support/api-client';
import { BAR_WIDTH, barChart, domainOf, queriesOf, Rate } from './generated-lists';

const CONCURRENCY = 8;
const MAX_REQUESTS = 40_000;
const ADMIN = { email: 'bench-operateur@socle.test', password: 'bench-mot-de-passe-solide' };

interface Options {
  domains: number;
  categories: number;
  durationMs: number;
  heapUsed: () => number;
}

/**
 * The real path on loopback: the lists written in the UT1 layout, imported by the streaming
 * importer into a scratch database, then `GET /api/v1/filtering/check` against an authenticated
 * read of the same shape (`GET /api/v1/packs/:id`) as the raw baseline. Bounded in count and time.
 */
export async function benchHttpCheck(options: Options): Promise<void> {
  const run = `bench_filter_${Date.now().toString(36)}`;
  const base = new URL(process.env.SOCLE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/socle');
  base.pathname = `/${run}`;
  Object.assign(process.env, {
    SOCLE_DATABASE_URL: base.toString(),
    SOCLE_REDIS_PREFIX: run,
    SOCLE_BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    SOCLE_BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    SOCLE_LOG_LEVEL: 'warn',
    SOCLE_LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
  });
  process.env.SOCLE_MASTER_KEY ??= randomBytes(32).toString('base64');
  process.env.SOCLE_JWT_SECRET ??= randomBytes(48).toString('base64url');
  const config = loadConfig();
  const folder = writeLists(options);
  let app: INestApplication | undefined;
  try {
    await prepareDatabase(config);
    console.log(`\nImporting the lists into PostgreSQL (scratch database ${run}), streamed`);
    const dataSource = await new DataSource(dataSourceOptions(config)).initialize();
    const heapAtStart = options.heapUsed();
    let peakHeap = heapAtStart;
    const started = performance.now();
    const summary = await new ListImporter(dataSource, new AuditService()).import(folderListFiles(folder), {
      source: 'bench',
      author: { system: 'bench' },
      createdBy: null,
      onProgress: ({ lines }) => {
        if (lines % 250_000 !== 0) return;
        // Measured after a full collection: what the import really holds, not garbage waiting.
        const heap = options.heapUsed();
        peakHeap = Math.max(peakHeap, heap);
        if (lines % 500_000 === 0)
          console.log(
            `  ${lines.toLocaleString('en')} lines, heap ${((heap - heapAtStart) / 1048576).toFixed(0)} MB above the start`,
          );
      },
    });
    const importSeconds = (performance.now() - started) / 1000;
    console.log(
      `  => ${summary.domains.toLocaleString('en')} domains in ${importSeconds.toFixed(1)} s (${Math.round(summary.domains / importSeconds).toLocaleString('en')} lines/s), heap at most ${((peakHeap - heapAtStart) / 1048576).toFixed(0)} MB above the start (streamed: it does not grow with the list)`,
    );
    await dataSource.destroy();

    app = await createApiApp(config);
    await app.listen(0, '127.0.0.1');
    const url = await app.getUrl();
    // What an API process does once per list version: load it from PostgreSQL into its matcher.
    const heapBefore = options.heapUsed();
    const loadStarted = performance.now();
    const loaded = await app.get(ActiveCategoryMatcher).current();
    console.log(
      `API loads the active version from PostgreSQL: ${loaded.domainCount.toLocaleString('en')} domains in ${((performance.now() - loadStarted) / 1000).toFixed(1)} s, heap +${((options.heapUsed() - heapBefore) / 1048576).toFixed(0)} MB`,
    );
    const { technician, packId } = await setUp(new ApiClient(url.replace('[::1]', '127.0.0.1')), options.categories);
    const queries = queriesOf(10_000, options.domains);
    const first = await technician.get(
      `/api/v1/filtering/check?packId=${packId}&url=${encodeURIComponent(queries[0])}`,
    );
    if (first.status !== 200) throw new Error(`check: ${first.status} ${JSON.stringify(first.body)}`);

    const check = await loop(
      'GET /api/v1/filtering/check',
      (index) =>
        technician.get(
          `/api/v1/filtering/check?packId=${packId}&url=${encodeURIComponent(queries[index % queries.length])}`,
        ),
      options.durationMs,
    );
    const raw = await loop(
      'GET /api/v1/packs/:id (raw baseline)',
      () => technician.get(`/api/v1/packs/${packId}`),
      options.durationMs,
    );
    console.log('\nHTTP on loopback, concurrency ' + CONCURRENCY);
    console.log(barChart([check, raw], BAR_WIDTH));
    console.log(`Check endpoint / authenticated read baseline: ${(check.perSecond / raw.perSecond).toFixed(2)}`);
  } finally {
    await app?.close();
    rmSync(folder, { recursive: true, force: true });
    await dropScratch(run);
  }
}

function writeLists(options: Options): string {
  const root = mkdtempSync(join(tmpdir(), 'socle-bench-lists-'));
  const lines: string[][] = Array.from({ length: options.categories }, () => []);
  for (let index = 0; index < options.domains; index++) lines[index % options.categories].push(domainOf(index));
  lines.forEach((domains, category) => {
    mkdirSync(join(root, `category-${category}`));
    writeFileSync(
      join(root, `category-${category}`, 'domains'),
      `# generated for bench/filter\n${domains.join('\n')}\n`,
    );
  });
  return root;
}

async function setUp(api: ApiClient, categories: number) {
  const must = async (what: string, call: Promise<{ status: number; body: any }>) => {
    const response = await call;
    if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const login = async (email: string, password: string) =>
    api.as((await must('login', api.post('/api/v1/auth/login', { email, password }))).accessToken);
  const operator = await login(ADMIN.email, ADMIN.password);
  const collectivite = await must(
    'collectivité',
    operator.post('/api/v1/collectivites', { name: 'Bench', kind: 'commune' }),
  );
  await must(
    'admin',
    operator.post(`/api/v1/collectivites/${collectivite.id}/users`, {
      email: 'admin@bench.test',
      password: 'mot-de-passe-solide',
      role: 'collectivite_admin',
    }),
  );
  const admin = await login('admin@bench.test', 'mot-de-passe-solide');
  await must(
    'technician',
    admin.post(`/api/v1/collectivites/${collectivite.id}/users`, {
      email: 'tech@bench.test',
      password: 'mot-de-passe-solide',
      role: 'technician',
    }),
  );
  const technician = await login('tech@bench.test', 'mot-de-passe-solide');
  const digits = '0750001';
  const school = await must(
    'school',
    technician.post('/api/v1/schools', {
      uai: `${digits}${uaiCheckLetter(digits)}`,
      name: 'École du bench',
      classCount: 8,
    }),
  );
  const pack = await must(
    'pack',
    technician.post('/api/v1/packs', {
      schoolId: school.id,
      name: 'Pack',
      deviceKind: 'tablet',
      osFamily: 'ipados',
      capacity: 15,
    }),
  );
  const blockedCategories = Array.from({ length: categories / 2 }, (_, index) => `category-${index * 2}`);
  const policy = await must(
    'policy',
    technician.post('/api/v1/filtering-policies', {
      name: 'Bench',
      blockedCategories,
      deniedDomains: ['tracker.example'],
    }),
  );
  await must(
    'assignment',
    technician.post(`/api/v1/filtering-policies/${policy.id}/assignments`, { collectiviteId: collectivite.id }),
  );
  return { technician, packId: pack.id as string };
}

async function loop(
  label: string,
  call: (index: number) => Promise<{ status: number }>,
  durationMs: number,
): Promise<Rate> {
  console.log(`\n${label} (${durationMs / 1000} s or ${MAX_REQUESTS.toLocaleString('en')} requests)`);
  let issued = 0;
  let failed = 0;
  const start = performance.now();
  const deadline = start + durationMs;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < deadline && issued < MAX_REQUESTS) {
        const response = await call(issued++);
        if (response.status !== 200) failed++;
      }
    }),
  );
  const perSecond = (issued * 1000) / (performance.now() - start);
  console.log(
    `  => ${Math.round(perSecond).toLocaleString('en')} requests/s (${issued.toLocaleString('en')} requests, ${failed} failed)`,
  );
  if (failed) throw new Error(`${label}: ${failed} requests failed`);
  return { label, perSecond };
}

async function dropScratch(run: string): Promise<void> {
  const admin = new Client({
    connectionString: Object.assign(new URL(process.env.SOCLE_DATABASE_URL!), { pathname: '/postgres' }).toString(),
  });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${run}" WITH (FORCE)`);
  await admin.end();
  const redis = new Redis(process.env.SOCLE_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const keys = await redis.keys(`${run}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}
