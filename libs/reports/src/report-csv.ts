import { CsvColumn, toCsv } from '@socle/core';
import { DEVICE_STATES } from '@socle/fleet';
import { FleetHealthLine, FleetHealthReport } from './fleet-health.report';
import { RenewalReport, RenewalYear } from './renewal.report';
import { SocleLine, SocleReport } from './socle.report';
import { WarrantyLine, WarrantyReport } from './warranty.report';

const scopeColumns = <
  T extends { schoolId: string | null; schoolUai: string | null; schoolName: string | null },
>(): Array<CsvColumn<T>> => [
  { header: 'schoolId', value: (line) => line.schoolId },
  { header: 'schoolUai', value: (line) => line.schoolUai },
  { header: 'schoolName', value: (line) => line.schoolName },
];

/** One row per line (school totals, packs, devices outside any pack), nested figures flattened with dotted headers. */
export function fleetHealthCsv(report: FleetHealthReport): string {
  const columns: Array<CsvColumn<FleetHealthLine>> = [
    { header: 'level', value: (line) => line.level },
    ...scopeColumns<FleetHealthLine>(),
    { header: 'packId', value: (line) => line.packId },
    { header: 'packName', value: (line) => line.packName },
    { header: 'devices', value: (line) => line.devices },
    ...DEVICE_STATES.map((state) => ({
      header: `byState.${state}`,
      value: (line: FleetHealthLine) => line.byState[state],
    })),
    { header: 'managed', value: (line) => line.managed },
    { header: 'checkedIn24h', value: (line) => line.checkedIn24h },
    { header: 'checkedIn24hShare', value: (line) => line.checkedIn24hShare },
    { header: 'checkedIn7d', value: (line) => line.checkedIn7d },
    { header: 'checkedIn7dShare', value: (line) => line.checkedIn7dShare },
    { header: 'notSeen', value: (line) => line.notSeen },
    ...(['0-19', '20-49', '50-79', '80-100', 'unknown'] as const).map((bucket) => ({
      header: `battery.level.${bucket}`,
      value: (line: FleetHealthLine) => line.battery.level[bucket],
    })),
    ...(['0-59', '60-79', '80-100', 'unknown'] as const).map((bucket) => ({
      header: `battery.health.${bucket}`,
      value: (line: FleetHealthLine) => line.battery.health[bucket],
    })),
    { header: 'battery.charging', value: (line) => line.battery.charging },
    { header: 'storage.totalBytes', value: (line) => line.storage.totalBytes },
    { header: 'storage.freeBytes', value: (line) => line.storage.freeBytes },
    { header: 'storage.lowFreeSpace', value: (line) => line.storage.lowFreeSpace },
    {
      header: 'osVersions',
      value: (line) =>
        Object.entries(line.osVersions)
          .sort()
          .map(([version, count]) => `${version}=${count}`)
          .join(' | '),
    },
    { header: 'compliance.compliant', value: (line) => line.compliance.compliant },
    { header: 'compliance.nonCompliant', value: (line) => line.compliance.nonCompliant },
    { header: 'compliance.unknown', value: (line) => line.compliance.unknown },
  ];
  return toCsv(columns, report.lines);
}

export function warrantyCsv(report: WarrantyReport): string {
  const columns: Array<CsvColumn<WarrantyLine>> = [
    ...scopeColumns<WarrantyLine>(),
    { header: 'maintenanceMode', value: (line) => line.maintenanceMode },
    ...(
      [
        'devices',
        'covered',
        'expiring',
        'expired',
        'unknown',
        'expiringValue',
        'expiredValue',
        'withoutPrice',
        'nextExpiry',
      ] as const
    ).map((key) => ({
      header: key,
      value: (line: WarrantyLine) => line[key],
    })),
  ];
  return toCsv(columns, report.lines);
}

export function socleCsv(report: SocleReport): string {
  const columns: Array<CsvColumn<SocleLine>> = [
    ...scopeColumns<SocleLine>(),
    ...(
      ['classCount', 'size', 'packs', 'requiredPacks', 'bandwidthMbps', 'requiredBandwidthMbps', 'compliant'] as const
    ).map((key) => ({
      header: key,
      value: (line: SocleLine) => line[key],
    })),
    {
      header: 'packSizes',
      value: (line) => line.packDetails.map((pack) => `${pack.name}=${pack.devices}`).join(' | '),
    },
    { header: 'missing', value: (line) => line.missing.join(' | ') },
  ];
  return toCsv(columns, report.lines);
}

/** The years ahead, then the overdue and later buckets, so a budget table reads top to bottom. */
export function renewalCsv(report: RenewalReport): string {
  type Row = Partial<RenewalYear> & { period: string };
  const rows: Row[] = [
    { period: 'overdue', ...report.overdue },
    ...report.years.map((year) => ({ period: String(year.year), ...year })),
    { period: 'later', ...report.later },
  ];
  const columns: Array<CsvColumn<Row>> = (
    ['period', 'coverageEnds', 'osSupportEnds', 'lifespanReached', 'renewalsDue', 'budget', 'withoutPrice'] as const
  ).map((key) => ({
    header: key,
    value: (row: Row) => row[key],
  }));
  return toCsv(columns, rows);
}
