import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DEVICE_COMPLIANCE_RELATION } from '@socle/compliance';
import { Actor } from '@socle/core';
import { DEVICE_STATES, DeviceState, MANAGED_DEVICE_STATES } from '@socle/fleet';
import { FleetHealthQuery } from './dto/report-queries';
import { ratio, ReportLineScope } from './report-lines';
import { reportQuery } from './report-query';

export interface FleetHealthMetrics {
  devices: number;
  byState: Record<DeviceState, number>;
  /** Devices in service (enrolled, active, locked): every share below is a share of these. */
  managed: number;
  checkedIn24h: number;
  checkedIn24hShare: number | null;
  checkedIn7d: number;
  checkedIn7dShare: number | null;
  /** In service and not seen for `notSeenDays` (or never). */
  notSeen: number;
  battery: {
    level: Record<'0-19' | '20-49' | '50-79' | '80-100' | 'unknown', number>;
    health: Record<'0-59' | '60-79' | '80-100' | 'unknown', number>;
    charging: number;
  };
  storage: { totalBytes: number; freeBytes: number; lowFreeSpace: number; unknown: number };
  osVersions: Record<string, number>;
  compliance: { compliant: number; nonCompliant: number; unknown: number };
}

export type FleetHealthLine = ReportLineScope & FleetHealthMetrics;

export interface FleetHealthReport {
  generatedAt: Date;
  parameters: { schoolId: string | null; notSeenDays: number };
  lines: FleetHealthLine[];
  totals: FleetHealthMetrics;
}

/** Each per-pack figure: how a device counts in it. School and collectivité figures are the sums of the pack figures. */
const FIGURES: Array<[name: string, perDevice: string, float?: true]> = [
  ['devices', 'count(*)'],
  ...DEVICE_STATES.map((state): [string, string] => [`state_${state}`, `count(*) FILTER (WHERE d.state = '${state}')`]),
  ['managed', 'count(*) FILTER (WHERE managed)'],
  ['checked_in_24h', `count(*) FILTER (WHERE managed AND d.last_checkin_at >= now() - interval '24 hours')`],
  ['checked_in_7d', `count(*) FILTER (WHERE managed AND d.last_checkin_at >= now() - interval '7 days')`],
  [
    'not_seen',
    'count(*) FILTER (WHERE managed AND (d.last_checkin_at IS NULL OR d.last_checkin_at < now() - make_interval(days => $4)))',
  ],
  ['level_0_19', 'count(*) FILTER (WHERE managed AND d.battery_level < 20)'],
  ['level_20_49', 'count(*) FILTER (WHERE managed AND d.battery_level BETWEEN 20 AND 49)'],
  ['level_50_79', 'count(*) FILTER (WHERE managed AND d.battery_level BETWEEN 50 AND 79)'],
  ['level_80_100', 'count(*) FILTER (WHERE managed AND d.battery_level >= 80)'],
  ['level_unknown', 'count(*) FILTER (WHERE managed AND d.battery_level IS NULL)'],
  ['health_0_59', 'count(*) FILTER (WHERE managed AND d.battery_health < 60)'],
  ['health_60_79', 'count(*) FILTER (WHERE managed AND d.battery_health BETWEEN 60 AND 79)'],
  ['health_80_100', 'count(*) FILTER (WHERE managed AND d.battery_health >= 80)'],
  ['health_unknown', 'count(*) FILTER (WHERE managed AND d.battery_health IS NULL)'],
  ['charging', 'count(*) FILTER (WHERE managed AND d.battery_charging)'],
  ['storage_total', 'COALESCE(sum(d.storage_total_bytes) FILTER (WHERE managed), 0)', true],
  ['storage_free', 'COALESCE(sum(d.storage_free_bytes) FILTER (WHERE managed), 0)', true],
  ['low_free_space', 'count(*) FILTER (WHERE managed AND d.storage_free_bytes * 10 < d.storage_total_bytes)'],
  [
    'storage_unknown',
    'count(*) FILTER (WHERE managed AND (d.storage_total_bytes IS NULL OR d.storage_free_bytes IS NULL))',
  ],
  ['compliant', 'count(*) FILTER (WHERE managed AND compliant)'],
  ['non_compliant', 'count(*) FILTER (WHERE managed AND NOT compliant)'],
  ['compliance_unknown', 'count(*) FILTER (WHERE managed AND compliant IS NULL)'],
];
const cast = (float?: true) => (float ? 'float8' : 'int');
const PER_PACK = FIGURES.map(([name, perDevice, float]) => `${perDevice}::${cast(float)} AS ${name}`).join(',\n    ');
const SUMMED = FIGURES.map(([name, , float]) => `COALESCE(sum(${name}), 0)::${cast(float)} AS ${name}`).join(', ');
const NAMES = FIGURES.map(([name]) => name).join(', ');

/** Lines are found by hash join on their keys, which cannot be NULL: "no school" / "no pack" become the nil UUID. */
const NIL = `'00000000-0000-0000-0000-000000000000'::uuid`;
const key = (column: string) => `COALESCE(${column}, ${NIL})`;

/** The level of a line: a pack (or, with no school, the devices outside any pack), a school, the whole collectivité. */
const PACK = 0;
const SCHOOL = 1;
const TOTAL = 3;

/**
 * Per pack, per school, for the devices outside any pack, and for the whole collectivité: states,
 * check-in freshness, batteries, storage, OS versions, compliance. One statement: the devices are
 * counted once per pack (the only pass over the 100,000 rows), schools and the collectivité are
 * sums of their packs, and the lines are laid on every school and pack, with zeros where no device is.
 */
@Injectable()
export class FleetHealthReportService {
  constructor(private readonly dataSource: DataSource) {}

  async build(actor: Actor, query: FleetHealthQuery): Promise<FleetHealthReport> {
    const devicesInScope = `d.collectivite_id = $1 AND ($2::uuid IS NULL OR d.pack_id IN (SELECT id FROM packs WHERE school_id = $2 AND collectivite_id = $1))`;
    const rows = await reportQuery<Record<string, any>>(
      this.dataSource,
      `WITH scope AS (
         SELECT id, uai, name FROM schools WHERE collectivite_id = $1 AND ($2::uuid IS NULL OR id = $2)),
       per_pack AS (
         SELECT d.pack_id, ${PER_PACK}
           FROM (SELECT d.pack_id, d.state, d.last_checkin_at, d.battery_level, d.battery_health, d.battery_charging, d.storage_free_bytes, d.storage_total_bytes,
                        d.state = ANY($3::text[]) AS managed, c.compliant
                   FROM devices d LEFT JOIN (${DEVICE_COMPLIANCE_RELATION}) c ON c.device_id = d.id WHERE ${devicesInScope}) d
          GROUP BY d.pack_id),
       per_pack_os AS (
         SELECT d.pack_id, d.os_family || ' ' || COALESCE(d.os_version, '?') AS version, count(*)::int AS devices
           FROM devices d WHERE ${devicesInScope} AND d.state = ANY($3::text[]) GROUP BY d.pack_id, d.os_family, d.os_version),
       figures AS (
         SELECT ${PACK} AS level_key, ${key('p.school_id')} AS school_key, ${key('a.pack_id')} AS pack_key, ${NAMES.split(
           ', ',
         )
           .map((name) => `a.${name}`)
           .join(', ')}
           FROM per_pack a LEFT JOIN packs p ON p.id = a.pack_id
         UNION ALL
         SELECT ${SCHOOL}, p.school_id, ${NIL}, ${SUMMED} FROM per_pack a JOIN packs p ON p.id = a.pack_id GROUP BY p.school_id
         UNION ALL
         SELECT ${TOTAL}, ${NIL}, ${NIL}, ${SUMMED} FROM per_pack a),
       versions AS (
         SELECT level_key, school_key, pack_key, json_object_agg(version, devices) AS versions
           FROM (SELECT ${PACK} AS level_key, ${key('p.school_id')} AS school_key, ${key('o.pack_id')} AS pack_key, o.version, o.devices
                   FROM per_pack_os o LEFT JOIN packs p ON p.id = o.pack_id
                 UNION ALL
                 SELECT ${SCHOOL}, p.school_id, ${NIL}, o.version, sum(o.devices)::int FROM per_pack_os o JOIN packs p ON p.id = o.pack_id GROUP BY p.school_id, o.version
                 UNION ALL
                 SELECT ${TOTAL}, ${NIL}, ${NIL}, o.version, sum(o.devices)::int FROM per_pack_os o GROUP BY o.version) v
          GROUP BY 1, 2, 3),
       lines AS (
         SELECT s.id AS "schoolId", s.uai AS "schoolUai", s.name AS "schoolName", p.id AS "packId", p.name AS "packName", ${PACK} AS level_key, s.id AS school_key, p.id AS pack_key
           FROM scope s JOIN packs p ON p.school_id = s.id
         UNION ALL SELECT s.id, s.uai, s.name, NULL, NULL, ${SCHOOL}, s.id, ${NIL} FROM scope s
         UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, ${PACK}, ${NIL}, ${NIL} FROM per_pack WHERE pack_id IS NULL
         UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, ${TOTAL}, ${NIL}, ${NIL}),
       laid AS (
         SELECT * FROM lines l
           LEFT JOIN figures f USING (level_key, school_key, pack_key)
           LEFT JOIN versions v USING (level_key, school_key, pack_key))
       SELECT "schoolId", "schoolUai", "schoolName", "packId", "packName", level_key, ${NAMES}, versions
         FROM laid
        ORDER BY "schoolName" NULLS LAST, level_key DESC, "packName"`,
      [actor.tenantId(), query.schoolId ?? null, MANAGED_DEVICE_STATES, query.notSeenDays],
    );
    const lines: FleetHealthLine[] = [];
    let totals = metricsOf({});
    for (const row of rows) {
      if (row.level_key === TOTAL) totals = metricsOf(row);
      else lines.push(lineOf(row));
    }
    return {
      generatedAt: new Date(),
      parameters: { schoolId: query.schoolId ?? null, notSeenDays: query.notSeenDays },
      lines,
      totals,
    };
  }
}

/** Plain property reads in one pass: 7,000 lines are built in a few milliseconds (PostgreSQL's json_build_object costs far more). */
function lineOf(row: Record<string, any>): FleetHealthLine {
  const level = row.packId ? 'pack' : row.schoolId ? 'school' : 'unassigned';
  return {
    level,
    schoolId: row.schoolId,
    schoolUai: row.schoolUai,
    schoolName: row.schoolName,
    packId: row.packId,
    packName: row.packName,
    ...metricsOf(row),
  };
}

function metricsOf(row: Record<string, any>): FleetHealthMetrics {
  const managed = row.managed ?? 0;
  return {
    devices: row.devices ?? 0,
    byState: {
      registered: row.state_registered ?? 0,
      enrolled: row.state_enrolled ?? 0,
      active: row.state_active ?? 0,
      locked: row.state_locked ?? 0,
      retiring: row.state_retiring ?? 0,
      retired: row.state_retired ?? 0,
      taken_back: row.state_taken_back ?? 0,
    },
    managed,
    checkedIn24h: row.checked_in_24h ?? 0,
    checkedIn24hShare: ratio(row.checked_in_24h ?? 0, managed),
    checkedIn7d: row.checked_in_7d ?? 0,
    checkedIn7dShare: ratio(row.checked_in_7d ?? 0, managed),
    notSeen: row.not_seen ?? 0,
    battery: {
      level: {
        '0-19': row.level_0_19 ?? 0,
        '20-49': row.level_20_49 ?? 0,
        '50-79': row.level_50_79 ?? 0,
        '80-100': row.level_80_100 ?? 0,
        unknown: row.level_unknown ?? 0,
      },
      health: {
        '0-59': row.health_0_59 ?? 0,
        '60-79': row.health_60_79 ?? 0,
        '80-100': row.health_80_100 ?? 0,
        unknown: row.health_unknown ?? 0,
      },
      charging: row.charging ?? 0,
    },
    storage: {
      totalBytes: row.storage_total ?? 0,
      freeBytes: row.storage_free ?? 0,
      lowFreeSpace: row.low_free_space ?? 0,
      unknown: row.storage_unknown ?? 0,
    },
    osVersions: row.versions ?? {},
    compliance: {
      compliant: row.compliant ?? 0,
      nonCompliant: row.non_compliant ?? 0,
      unknown: row.compliance_unknown ?? 0,
    },
  };
}
