import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { PACKS_WITH_CART_RELATION } from '@socle/carts';
import { Actor } from '@socle/core';
import { MANAGED_DEVICE_STATES, PACK_CAPACITIES } from '@socle/fleet';
import { SocleQuery } from './dto/report-queries';
import { SOCLE_RULES, socleSizeOf, SocleSize } from './socle-rules';
import { reportQuery } from './report-query';

export interface SoclePack {
  packId: string;
  name: string;
  osFamily: string;
  deviceKind: string;
  capacity: number;
  /** Devices in service in the pack: the pack's real size. */
  devices: number;
  /** More than one OS among the pack's devices (the schema prevents it; checked all the same). */
  mixedOs: boolean;
  /** null while Socle does not know the carts. */
  hasCart: boolean | null;
  tabletsTooHeavy: number;
  tabletsScreenTooSmall: number;
  /** Tablets whose model the catalogue does not describe (weight or screen missing): not checked. */
  tabletsNotChecked: number;
  failingModels: string[];
}

interface SchoolRow {
  id: string;
  uai: string;
  name: string;
  class_count: number;
  bandwidth_mbps: string | null;
}

export interface SocleLine {
  schoolId: string;
  schoolUai: string;
  schoolName: string;
  classCount: number;
  size: SocleSize;
  packs: number;
  requiredPacks: number;
  bandwidthMbps: number | null;
  requiredBandwidthMbps: number;
  packDetails: SoclePack[];
  compliant: boolean;
  /** What the school lacks, in French, one sentence per gap. */
  missing: string[];
}

export interface SocleReport {
  generatedAt: Date;
  parameters: { schoolId: string | null };
  cartsChecked: boolean;
  lines: SocleLine[];
  totals: { schools: number; compliant: number; notCompliant: number };
}

/** School by school against the socle numérique de base (volet équipement): packs, sizes, one OS, carts, tablets, bandwidth. */
@Injectable()
export class SocleReportService {
  constructor(private readonly dataSource: DataSource) {}

  async build(actor: Actor, query: SocleQuery): Promise<SocleReport> {
    const rows = await reportQuery<SchoolRow & Partial<SoclePack>>(
      this.dataSource,
      `WITH scope AS (
         SELECT id, uai, name, class_count, bandwidth_mbps FROM schools WHERE collectivite_id = $1 AND ($2::uuid IS NULL OR id = $2)),
       pk AS (
         SELECT p.id AS "packId", p.school_id, p.name AS "packName", p.os_family AS "osFamily", p.device_kind AS "deviceKind", p.capacity,
                bool_or(c.pack_id IS NOT NULL) AS "hasCart",
                count(d.id)::int AS devices, min(d.os_family) <> max(d.os_family) AS "mixedOs",
                count(d.id) FILTER (WHERE d.device_kind = 'tablet' AND m.weight_grams > $4)::int AS "tabletsTooHeavy",
                count(d.id) FILTER (WHERE d.device_kind = 'tablet' AND m.screen_inches < $5)::int AS "tabletsScreenTooSmall",
                count(d.id) FILTER (WHERE d.device_kind = 'tablet' AND (m.weight_grams IS NULL OR m.screen_inches IS NULL))::int AS "tabletsNotChecked",
                array_agg(d.model) FILTER (WHERE d.device_kind = 'tablet' AND (m.weight_grams > $4 OR m.screen_inches < $5)) AS "failingModels"
           FROM packs p
           JOIN scope s ON s.id = p.school_id
           LEFT JOIN devices d ON d.pack_id = p.id AND d.state = ANY($3::text[])
           LEFT JOIN device_models m ON m.collectivite_id = d.collectivite_id AND m.name = d.model
           LEFT JOIN (${PACKS_WITH_CART_RELATION}) c ON c.pack_id = p.id
          GROUP BY p.id)
       SELECT s.id, s.uai, s.name, s.class_count, s.bandwidth_mbps, pk.*
         FROM scope s LEFT JOIN pk ON pk.school_id = s.id
        ORDER BY s.name, s.id, pk."packName"`,
      [
        actor.tenantId(),
        query.schoolId ?? null,
        MANAGED_DEVICE_STATES,
        SOCLE_RULES.maxTabletGrams,
        SOCLE_RULES.minTabletInches,
      ],
    );
    const schools: Array<SchoolRow & { packs: SoclePack[] }> = [];
    for (const row of rows) {
      if (schools[schools.length - 1]?.id !== row.id)
        schools.push({
          id: row.id,
          uai: row.uai,
          name: row.name,
          class_count: row.class_count,
          bandwidth_mbps: row.bandwidth_mbps,
          packs: [],
        });
      if (row.packId)
        schools[schools.length - 1].packs.push(packOf(row as unknown as SoclePack & { packName: string }));
    }
    const lines = schools.map((school) => this.evaluate(school));
    const compliant = lines.filter((line) => line.compliant).length;
    return {
      generatedAt: new Date(),
      parameters: { schoolId: query.schoolId ?? null },
      cartsChecked: true,
      lines,
      totals: { schools: lines.length, compliant, notCompliant: lines.length - compliant },
    };
  }

  private evaluate(row: SchoolRow & { packs: SoclePack[] }): SocleLine {
    const size = socleSizeOf(row.class_count);
    const requiredPacks = Math.ceil(row.class_count / SOCLE_RULES.classesPerPack);
    const requiredBandwidthMbps = SOCLE_RULES.bandwidthMbps[size];
    const bandwidthMbps = row.bandwidth_mbps === null ? null : Number(row.bandwidth_mbps);
    const missing: string[] = [];
    if (row.packs.length < requiredPacks) {
      missing.push(
        `${row.packs.length} pack(s) pour ${row.class_count} classe(s) : il en faut au moins ${requiredPacks} (un pour quatre classes).`,
      );
    }
    for (const pack of row.packs) {
      if (!(PACK_CAPACITIES as readonly number[]).includes(pack.devices)) {
        missing.push(`Pack « ${pack.name} » : ${pack.devices} appareil(s) en service, un pack en compte 10, 12 ou 15.`);
      }
      if (pack.mixedOs)
        missing.push(`Pack « ${pack.name} » : plusieurs systèmes d'exploitation, un pack n'en a qu'un.`);
      if (pack.hasCart === false)
        missing.push(`Pack « ${pack.name} » : pas de chariot (malle) de rangement et de recharge.`);
      if (pack.tabletsTooHeavy)
        missing.push(
          `Pack « ${pack.name} » : ${pack.tabletsTooHeavy} tablette(s) de plus de ${SOCLE_RULES.maxTabletGrams} g (${pack.failingModels.join(', ')}).`,
        );
      if (pack.tabletsScreenTooSmall)
        missing.push(
          `Pack « ${pack.name} » : ${pack.tabletsScreenTooSmall} tablette(s) à écran de moins de ${SOCLE_RULES.minTabletInches} pouces (${pack.failingModels.join(', ')}).`,
        );
    }
    if (bandwidthMbps === null)
      missing.push(
        `Débit Internet non renseigné : mesurez-le (${requiredBandwidthMbps} Mbit/s attendus) et saisissez-le sur la fiche de l'école.`,
      );
    else if (bandwidthMbps < requiredBandwidthMbps) {
      missing.push(
        `Débit Internet de ${bandwidthMbps} Mbit/s : ${requiredBandwidthMbps} Mbit/s attendus pour une école de ${SOCLE_RULES.sizeLabels[size]}.`,
      );
    }
    return {
      schoolId: row.id,
      schoolUai: row.uai,
      schoolName: row.name,
      classCount: row.class_count,
      size,
      packs: row.packs.length,
      requiredPacks,
      bandwidthMbps,
      requiredBandwidthMbps,
      packDetails: row.packs,
      compliant: missing.length === 0,
      missing,
    };
  }
}

function packOf(row: SoclePack & { packName: string }): SoclePack {
  return {
    packId: row.packId,
    name: row.packName,
    osFamily: row.osFamily,
    deviceKind: row.deviceKind,
    capacity: row.capacity,
    devices: row.devices,
    mixedOs: row.mixedOs === true,
    hasCart: row.hasCart,
    tabletsTooHeavy: row.tabletsTooHeavy,
    tabletsScreenTooSmall: row.tabletsScreenTooSmall,
    tabletsNotChecked: row.tabletsNotChecked,
    failingModels: [...new Set(row.failingModels ?? [])].sort(),
  };
}
