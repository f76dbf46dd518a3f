import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Actor, dataSourceOptions, loadConfig, prepareDatabase, Role } from '@socle/core';
import { publishResult } from '../support/bench-result';
import {
  fleetHealthCsv,
  FleetHealthReportService,
  renewalCsv,
  RenewalReportService,
  socleCsv,
  SocleReportService,
  warrantyCsv,
  WarrantyReportService,
} from '@socle/reports';

/**
 * The four reports of a département-sized collectivité: 100,000 devices over 500 schools (13 packs
 * of 15 each, plus spares and retired devices), each report timed end to end (SQL + assembly, then
 * its CSV) against the one SQL aggregate that any such report must at least run over the same rows.
 */
const DEVICES = Number(process.env.BENCH_DEVICES ?? 100_000);
const SCHOOLS = Number(process.env.BENCH_SCHOOLS ?? 500);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TARGET_MS = 1000;
const PACK_SIZE = 15;
const BAR_WIDTH = 40;

interface Timing {
  label: string;
  reportMs: number;
  csvMs: number;
  baselineMs: number;
  lines: number;
}

async function seed(dataSource: DataSource, collectiviteId: string): Promise<void> {
  const packsPerSchool = Math.floor(DEVICES / SCHOOLS / PACK_SIZE);
  const packed = SCHOOLS * packsPerSchool * PACK_SIZE;
  const step = async (label: string, sql: string, parameters: unknown[] = []) => {
    const start = performance.now();
    await dataSource.query(sql, parameters);
    console.log(`  ${label.padEnd(52)} ${((performance.now() - start) / 1000).toFixed(1)} s`);
  };
  console.log(
    `Seeding ${SCHOOLS} schools, ${SCHOOLS * packsPerSchool} packs of ${PACK_SIZE}, ${packed} devices in packs and ${DEVICES - packed} outside any pack`,
  );
  await step(
    'collectivité',
    `INSERT INTO collectivites (id, name, kind) VALUES ($1, 'Département du Banc', 'departement')`,
    [collectiviteId],
  );
  await step(
    'schools (2 to 24 classes, 4 to 40 Mbit/s)',
    `
    INSERT INTO schools (collectivite_id, uai, name, class_count, bandwidth_mbps)
    SELECT $1, lpad(i::text, 7, '0') || 'B', 'École ' || i, 2 + (i * 7) % 23, CASE WHEN i % 10 = 0 THEN NULL ELSE 4 + (i * 13) % 37 END
      FROM generate_series(1, $2) AS i`,
    [collectiviteId, SCHOOLS],
  );
  await step(
    'packs (iPadOS, Android or Windows)',
    `
    INSERT INTO packs (collectivite_id, school_id, name, device_kind, os_family, capacity)
    SELECT $1, s.id, 'Pack ' || n, CASE WHEN n % 3 = 2 THEN 'laptop' ELSE 'tablet' END, (ARRAY['ipados', 'android', 'windows'])[1 + n % 3], ${PACK_SIZE}
      FROM schools s CROSS JOIN generate_series(0, $2 - 1) AS n WHERE s.collectivite_id = $1`,
    [collectiviteId, packsPerSchool],
  );
  await step(
    'model catalogue (10 models)',
    `
    INSERT INTO device_models (collectivite_id, name, os_family, weight_grams, screen_inches, last_supported_os, os_support_end)
    SELECT $1, 'Modèle ' || m, (ARRAY['ipados', 'android', 'windows'])[1 + m % 3], 400 + m * 40, 9.5 + m * 0.3, 'OS ' || m, make_date(2025 + m, 9, 30)
      FROM generate_series(0, 9) AS m`,
    [collectiviteId],
  );
  await step(
    'devices in packs (health, purchase, warranty)',
    `
    INSERT INTO devices (collectivite_id, serial_number, model, os_family, os_version, device_kind, state, pack_id, pack_capacity, position_in_pack,
                         last_checkin_at, battery_level, battery_health, battery_charging, storage_free_bytes, storage_total_bytes,
                         purchase_date, warranty_end, maintenance_mode, maintenance_end, purchase_price, certificate_id)
    SELECT $1, 'BENCH-' || p.id || '-' || k, 'Modèle ' || ((h + k) % 10), p.os_family, (ARRAY['16.7', '17.5', '18.1', '14', '11'])[1 + (h + k) % 5], p.device_kind,
           CASE WHEN (h + k) % 97 = 0 THEN 'locked' WHEN (h + k) % 89 = 0 THEN 'retiring' WHEN (h + k) % 53 = 0 THEN 'enrolled' ELSE 'active' END,
           p.id, p.capacity, k,
           now() - make_interval(mins => ((h * 31 + k * 17) % 20160)), (h + k * 7) % 101, 50 + (h + k) % 51, k % 2 = 0,
           ((h + k) % 60) * 1000000000::bigint, 64000000000,
           make_date(2019 + (h + k) % 7, 1 + k % 12, 1), make_date(2022 + (h + k) % 7, 1 + k % 12, 1),
           (ARRAY['warranty_extension', 'maintenance_contract', 'municipal_staff', 'lease', NULL])[1 + (h + k) % 5],
           CASE WHEN (h + k) % 4 = 0 THEN make_date(2024 + (h + k) % 6, 6, 30) END,
           CASE WHEN (h + k) % 13 = 0 THEN NULL ELSE 250 + (h + k) % 600 END, NULL
      FROM (SELECT id, os_family, device_kind, capacity, abs(hashtext(id::text)) % 1000 AS h FROM packs WHERE collectivite_id = $1) p
      CROSS JOIN generate_series(1, ${PACK_SIZE}) AS k`,
    [collectiviteId],
  );
  await step(
    'spares, retired and taken-back devices (no pack)',
    `
    INSERT INTO devices (collectivite_id, serial_number, model, os_family, device_kind, state, purchase_date, warranty_end, purchase_price)
    SELECT $1, 'BENCH-SPARE-' || i, 'Modèle ' || (i % 10), 'ipados', 'tablet', (ARRAY['registered', 'retired', 'taken_back'])[1 + i % 3],
           make_date(2018 + i % 8, 1 + i % 12, 1), make_date(2021 + i % 8, 1 + i % 12, 1), 300 + i % 400
      FROM generate_series(1, $2) AS i`,
    [collectiviteId, DEVICES - packed],
  );
  await step('ANALYZE', 'ANALYZE schools, packs, devices, device_models');
}

async function median(operation: () => Promise<unknown>): Promise<number> {
  await operation();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    await operation();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

function barChart(timings: Timing[]): string {
  const slowest = Math.max(...timings.map((timing) => timing.reportMs + timing.csvMs), TARGET_MS);
  const bar = (ms: number, mark: string) => mark.repeat(Math.max(1, Math.round((ms / slowest) * BAR_WIDTH)));
  const target = Math.round((TARGET_MS / slowest) * BAR_WIDTH);
  return timings
    .flatMap((timing) => [
      `${timing.label.padEnd(14)} report   |${bar(timing.reportMs + timing.csvMs, '#').padEnd(BAR_WIDTH)}| ${(timing.reportMs + timing.csvMs).toFixed(0).padStart(5)} ms`,
      `${''.padEnd(14)} baseline |${bar(timing.baselineMs, '=').padEnd(BAR_WIDTH)}| ${timing.baselineMs.toFixed(0).padStart(5)} ms`,
    ])
    .concat(`${''.padEnd(24)}${' '.repeat(target)}^ ${TARGET_MS} ms target`)
    .join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig();
  const url = new URL(config.databaseUrl);
  url.pathname = `/socle_bench_reports_${Date.now()}`;
  console.log(
    `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}; database ${url.pathname.slice(1)} (dropped at the end unless BENCH_KEEP=1)`,
  );
  console.log('Migrating a fresh database');
  await prepareDatabase({ databaseUrl: url.toString() });
  const dataSource = await new DataSource({
    ...dataSourceOptions({ databaseUrl: url.toString() }),
    extra: { max: 4 },
  }).initialize();
  try {
    const collectiviteId = randomUUID();
    await seed(dataSource, collectiviteId);
    const actor = new Actor(randomUUID(), Role.CollectiviteAdmin, collectiviteId, []);
    const reports = [
      {
        label: 'fleet-health',
        build: () => new FleetHealthReportService(dataSource).build(actor, { notSeenDays: 7 }),
        csv: fleetHealthCsv,
        baseline: 'SELECT pack_id, count(*) FROM devices WHERE collectivite_id = $1 GROUP BY pack_id',
      },
      {
        label: 'warranty',
        build: () => new WarrantyReportService(dataSource).build(actor, { withinDays: 90 }),
        csv: warrantyCsv,
        baseline:
          'SELECT p.school_id, d.maintenance_mode, count(*) FROM devices d LEFT JOIN packs p ON p.id = d.pack_id WHERE d.collectivite_id = $1 GROUP BY 1, 2',
      },
      {
        label: 'socle',
        build: () => new SocleReportService(dataSource).build(actor, {}),
        csv: socleCsv,
        baseline:
          'SELECT p.school_id, p.id, count(d.id) FROM packs p LEFT JOIN devices d ON d.pack_id = p.id WHERE p.collectivite_id = $1 GROUP BY p.id',
      },
      {
        label: 'renewal',
        build: () => new RenewalReportService(dataSource).build(actor, { years: 5, lifespanYears: 5 }),
        csv: renewalCsv,
        baseline:
          'SELECT extract(year FROM purchase_date), count(*) FROM devices WHERE collectivite_id = $1 GROUP BY 1',
      },
    ] as const;
    const timings: Timing[] = [];
    console.log(`\nEach figure is the median of ${RUNS} runs after a warm-up`);
    for (const report of reports) {
      let built: unknown;
      const reportMs = await median(async () => (built = await report.build()));
      const csvMs = await median(async () => (report.csv as (value: unknown) => string)(built));
      const baselineMs = await median(() => dataSource.query(report.baseline, [collectiviteId]));
      const lines =
        (built as { lines?: unknown[]; years?: unknown[] }).lines?.length ??
        (built as { years: unknown[] }).years.length;
      timings.push({ label: report.label, reportMs, csvMs, baselineMs, lines });
      console.log(
        `  ${report.label.padEnd(13)} ${reportMs.toFixed(0).padStart(5)} ms (+ CSV ${csvMs.toFixed(0)} ms, ${lines} lines)   baseline ${baselineMs.toFixed(0).padStart(4)} ms   ratio × ${(reportMs / baselineMs).toFixed(1)}`,
      );
    }
    console.log('\nSummary (report = JSON build + CSV)');
    console.log(barChart(timings));
    console.log('');
    for (const timing of timings) {
      const total = timing.reportMs + timing.csvMs;
      console.log(
        `${timing.label.padEnd(13)} ${total < TARGET_MS ? 'PASS' : 'FAIL'} ${total.toFixed(0)} ms < ${TARGET_MS} ms; × ${(timing.reportMs / timing.baselineMs).toFixed(1)} the single-query lower bound`,
      );
    }
    for (const timing of timings) {
      publishResult({
        bench: 'reports',
        figure: `${timing.label} report (JSON + CSV)`,
        unit: 'ms',
        measured: timing.reportMs + timing.csvMs,
        baseline: timing.baselineMs,
        ratio: timing.baselineMs / (timing.reportMs + timing.csvMs),
        target: `< ${TARGET_MS} ms`,
        met: timing.reportMs + timing.csvMs < TARGET_MS,
      });
    }
    if (timings.some((timing) => timing.reportMs + timing.csvMs >= TARGET_MS)) process.exitCode = 1;
  } finally {
    await dataSource.destroy();
    if (!process.env.BENCH_KEEP) {
      const admin = new Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS "${url.pathname.slice(1)}" WITH (FORCE)`);
      await admin.end();
    }
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
