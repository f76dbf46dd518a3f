import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@socle/core';
import { SHUT_OUT_DEVICE_STATES } from '@socle/fleet';
import { parisDate } from '@socle/lifecycle';
import { RenewalQuery } from './dto/report-queries';
import { euros } from './report-lines';
import { reportQuery } from './report-query';

export interface RenewalFigures {
  /** Devices due for renewal: the earlier of the end of OS support (model catalogue) and the end of their useful life. */
  renewalsDue: number;
  /** Their purchase value, in euros: what replacing them like for like costs. */
  budget: number;
  /** Devices due whose price is unknown (the budget is then a lower bound). */
  withoutPrice: number;
}

export interface RenewalYear extends RenewalFigures {
  year: number;
  /** Warranty or maintenance (the later of the two) ending that year. */
  coverageEnds: number;
  /** Model no longer receiving OS updates from that year (model catalogue). */
  osSupportEnds: number;
  /** Reaching `lifespanYears` from their purchase that year. */
  lifespanReached: number;
}

export interface RenewalReport {
  generatedAt: Date;
  parameters: { schoolId: string | null; asOf: string; years: number; lifespanYears: number };
  devices: number;
  years: RenewalYear[];
  /** Due before this year and still in the fleet. */
  overdue: RenewalFigures;
  /** Due after the horizon. */
  later: RenewalFigures;
  /** Neither a purchase date nor a known end of OS support: cannot be planned. */
  unplanned: number;
  ageDistribution: Array<{ ageYears: number; devices: number }>;
  unknownAge: number;
}

/** GROUPING(coverage, os, lifespan, renewal, age): which grouping set a row belongs to. */
const SET = { coverage: 15, os: 23, lifespan: 27, renewal: 29, age: 30 } as const;

/**
 * What the collectivité must budget, year by year: devices by age, end of coverage, end of OS
 * support and end of useful life. One pass over the fleet, grouped five ways at once.
 */
@Injectable()
export class RenewalReportService {
  constructor(private readonly dataSource: DataSource) {}

  async build(actor: Actor, query: RenewalQuery): Promise<RenewalReport> {
    const asOf = query.asOf ?? parisDate();
    const rows: Array<{
      set: number;
      cy: number | null;
      oy: number | null;
      ly: number | null;
      ry: number | null;
      age: number | null;
      devices: number;
      value: string | null;
      without_price: number;
    }> = await reportQuery(
      this.dataSource,
      `WITH dev AS (
           SELECT d.purchase_price AS price, d.purchase_date,
                  GREATEST(d.warranty_end, d.maintenance_end) AS coverage_end, m.os_support_end,
                  (d.purchase_date + make_interval(years => $4))::date AS lifespan_end
             FROM devices d
             LEFT JOIN packs p ON p.id = d.pack_id
             LEFT JOIN device_models m ON m.collectivite_id = d.collectivite_id AND m.name = d.model
            WHERE d.collectivite_id = $1 AND d.state <> ALL($5::text[]) AND ($2::uuid IS NULL OR p.school_id = $2)),
         y AS (
           SELECT price, extract(year FROM coverage_end)::int AS cy, extract(year FROM os_support_end)::int AS oy, extract(year FROM lifespan_end)::int AS ly,
                  extract(year FROM LEAST(os_support_end, lifespan_end))::int AS ry,
                  CASE WHEN purchase_date IS NULL THEN NULL ELSE GREATEST(0, extract(year FROM age($3::date, purchase_date)))::int END AS age
             FROM dev)
         SELECT GROUPING(cy, oy, ly, ry, age) AS set, cy, oy, ly, ry, age, count(*)::int AS devices, sum(price) AS value,
                count(*) FILTER (WHERE price IS NULL)::int AS without_price
           FROM y GROUP BY GROUPING SETS ((cy), (oy), (ly), (ry), (age))`,
      [actor.tenantId(), query.schoolId ?? null, asOf, query.lifespanYears, SHUT_OUT_DEVICE_STATES],
    );
    const firstYear = Number(asOf.slice(0, 4));
    const years: RenewalYear[] = Array.from({ length: query.years }, (_, index) => ({
      year: firstYear + index,
      coverageEnds: 0,
      osSupportEnds: 0,
      lifespanReached: 0,
      renewalsDue: 0,
      budget: 0,
      withoutPrice: 0,
    }));
    const lastYear = firstYear + query.years - 1;
    const overdue: RenewalFigures = { renewalsDue: 0, budget: 0, withoutPrice: 0 };
    const later: RenewalFigures = { renewalsDue: 0, budget: 0, withoutPrice: 0 };
    const inHorizon = (year: number | null) =>
      year !== null && year >= firstYear && year <= lastYear ? years[year - firstYear] : undefined;
    const ageDistribution: Array<{ ageYears: number; devices: number }> = [];
    let unplanned = 0;
    let unknownAge = 0;
    let devices = 0;
    for (const row of rows) {
      if (row.set === SET.coverage) {
        const year = inHorizon(row.cy);
        if (year) year.coverageEnds = row.devices;
      } else if (row.set === SET.os) {
        const year = inHorizon(row.oy);
        if (year) year.osSupportEnds = row.devices;
      } else if (row.set === SET.lifespan) {
        const year = inHorizon(row.ly);
        if (year) year.lifespanReached = row.devices;
      } else if (row.set === SET.renewal) {
        const figures =
          row.ry === null
            ? undefined
            : row.ry < firstYear
              ? overdue
              : row.ry > lastYear
                ? later
                : years[row.ry - firstYear];
        if (!figures) unplanned += row.devices;
        else addFigures(figures, row);
      } else if (row.set === SET.age) {
        devices += row.devices;
        if (row.age === null) unknownAge = row.devices;
        else ageDistribution.push({ ageYears: row.age, devices: row.devices });
      }
    }
    ageDistribution.sort((a, b) => a.ageYears - b.ageYears);
    for (const figures of [...years, overdue, later]) figures.budget = euros(figures.budget);
    return {
      generatedAt: new Date(),
      parameters: { schoolId: query.schoolId ?? null, asOf, years: query.years, lifespanYears: query.lifespanYears },
      devices,
      years,
      overdue,
      later,
      unplanned,
      ageDistribution,
      unknownAge,
    };
  }
}

function addFigures(
  figures: RenewalFigures,
  row: { devices: number; value: string | null; without_price: number },
): void {
  figures.renewalsDue += row.devices;
  figures.budget += Number(row.value ?? 0);
  figures.withoutPrice += row.without_price;
}
