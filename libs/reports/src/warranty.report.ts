import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@socle/core';
import { SHUT_OUT_DEVICE_STATES } from '@socle/fleet';
import { parisDate } from '@socle/lifecycle';
import { WarrantyQuery } from './dto/report-queries';
import { euros, sumInto } from './report-lines';
import { reportQuery } from './report-query';

export interface WarrantyFigures {
  devices: number;
  /** Covered beyond the window. */
  covered: number;
  /** Coverage ends within `withinDays` (from asOf, both days included). */
  expiring: number;
  expired: number;
  /** No warranty nor maintenance end date recorded. */
  unknown: number;
  /** Purchase value of the expiring devices, in euros: what the collectivité stops being covered for. */
  expiringValue: number;
  expiredValue: number;
  /** Expiring or expired devices whose price is unknown (so the values above are lower bounds). */
  withoutPrice: number;
}

export interface WarrantyLine extends WarrantyFigures {
  schoolId: string | null;
  schoolUai: string | null;
  schoolName: string | null;
  /** `none` when the device has no maintenance mode; null on a school line with no device. */
  maintenanceMode: string | null;
  /** The next coverage end on or after asOf. */
  nextExpiry: string | null;
}

export interface WarrantyReport {
  generatedAt: Date;
  parameters: { schoolId: string | null; withinDays: number; asOf: string };
  lines: WarrantyLine[];
  totals: WarrantyFigures;
}

/**
 * Covered / expiring / expired per school and maintenance mode. A device is covered until the
 * later of its warranty end and its maintenance end; retired and taken-back devices are out of the
 * count. Devices outside any pack form the line with no school.
 */
@Injectable()
export class WarrantyReportService {
  constructor(private readonly dataSource: DataSource) {}

  async build(actor: Actor, query: WarrantyQuery): Promise<WarrantyReport> {
    const asOf = query.asOf ?? parisDate();
    const rows: Array<Record<string, any>> = await reportQuery(
      this.dataSource,
      `WITH scope AS (
         SELECT id, uai, name FROM schools WHERE collectivite_id = $1 AND ($2::uuid IS NULL OR id = $2)),
       dev AS (
         SELECT p.school_id AS device_school, COALESCE(d.maintenance_mode, 'none') AS mode, GREATEST(d.warranty_end, d.maintenance_end) AS coverage_end, d.purchase_price AS price
           FROM devices d LEFT JOIN packs p ON p.id = d.pack_id
          WHERE d.collectivite_id = $1 AND d.state <> ALL($5::text[]) AND ($2::uuid IS NULL OR p.school_id = $2)),
       agg AS (
         SELECT device_school, mode, count(*)::int AS devices,
                count(*) FILTER (WHERE coverage_end > $3::date + $4::int)::int AS covered,
                count(*) FILTER (WHERE coverage_end BETWEEN $3::date AND $3::date + $4::int)::int AS expiring,
                count(*) FILTER (WHERE coverage_end < $3::date)::int AS expired,
                count(*) FILTER (WHERE coverage_end IS NULL)::int AS unknown,
                sum(price) FILTER (WHERE coverage_end BETWEEN $3::date AND $3::date + $4::int) AS expiring_value,
                sum(price) FILTER (WHERE coverage_end < $3::date) AS expired_value,
                count(*) FILTER (WHERE coverage_end <= $3::date + $4::int AND price IS NULL)::int AS without_price,
                to_char(min(coverage_end) FILTER (WHERE coverage_end >= $3::date), 'YYYY-MM-DD') AS next_expiry
           FROM dev GROUP BY device_school, mode)
       SELECT s.id AS school_id, s.uai, s.name, agg.* FROM scope s LEFT JOIN agg ON agg.device_school = s.id
       UNION ALL
       SELECT NULL, NULL, NULL, agg.* FROM agg WHERE agg.device_school IS NULL
       ORDER BY 3, 5`,
      [actor.tenantId(), query.schoolId ?? null, asOf, query.withinDays, SHUT_OUT_DEVICE_STATES],
    );
    const lines = rows.map(toLine);
    const totals = emptyFigures();
    for (const line of lines) sumInto(totals, figuresOf(line));
    totals.expiringValue = euros(totals.expiringValue);
    totals.expiredValue = euros(totals.expiredValue);
    return {
      generatedAt: new Date(),
      parameters: { schoolId: query.schoolId ?? null, withinDays: query.withinDays, asOf },
      lines,
      totals,
    };
  }
}

function toLine(row: Record<string, any>): WarrantyLine {
  return {
    schoolId: row.school_id,
    schoolUai: row.uai,
    schoolName: row.name,
    maintenanceMode: row.mode ?? null,
    devices: row.devices ?? 0,
    covered: row.covered ?? 0,
    expiring: row.expiring ?? 0,
    expired: row.expired ?? 0,
    unknown: row.unknown ?? 0,
    expiringValue: euros(row.expiring_value),
    expiredValue: euros(row.expired_value),
    withoutPrice: row.without_price ?? 0,
    nextExpiry: row.next_expiry ?? null,
  };
}

function figuresOf(line: WarrantyLine): WarrantyFigures {
  const { devices, covered, expiring, expired, unknown, expiringValue, expiredValue, withoutPrice } = line;
  return { devices, covered, expiring, expired, unknown, expiringValue, expiredValue, withoutPrice };
}

function emptyFigures(): WarrantyFigures {
  return {
    devices: 0,
    covered: 0,
    expiring: 0,
    expired: 0,
    unknown: 0,
    expiringValue: 0,
    expiredValue: 0,
    withoutPrice: 0,
  };
}
