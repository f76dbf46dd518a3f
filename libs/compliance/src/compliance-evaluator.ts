import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DeviceState, MANAGED_DEVICE_STATES, OsFamily } from '@socle/fleet';
import { FilteringConvergenceService, unpackedContext } from '@socle/filtering';
import { ComplianceReason, ComplianceRuleSet, evaluateCompliance } from './evaluate-compliance';

const BATCH = 1_000;

interface FactsRow {
  id: string;
  collectivite_id: string;
  pack_id: string | null;
  os_family: OsFamily;
  os_version: string | null;
  state: string;
  last_checkin_at: Date | null;
  enrolled_at: Date | null;
  battery_health: number | null;
  profile_ids: string[];
  filtering_revision: string | null;
}

/**
 * Evaluates devices against their collectivité's rules and stores the outcome (device_compliance),
 * set-based: one query for the facts of a batch, one for the filtering each context should hold,
 * one upsert. Devices that are not managed (registered, retiring, retired…) have no evaluation.
 */
@Injectable()
export class ComplianceEvaluator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly filtering: FilteringConvergenceService,
  ) {}

  async evaluateDevices(manager: EntityManager, deviceIds: readonly string[], now = new Date()): Promise<number> {
    if (!deviceIds.length) return 0;
    const rows: FactsRow[] = await manager.query(
      `SELECT d.id, d.collectivite_id, d.pack_id, d.os_family, d.os_version, d.state, d.last_checkin_at, d.enrolled_at, d.battery_health,
              COALESCE((SELECT array_agg(i.profile_id) FROM installed_profiles i WHERE i.device_id = d.id), '{}') AS profile_ids,
              f.revision AS filtering_revision
         FROM devices d LEFT JOIN device_filtering f ON f.device_id = d.id
        WHERE d.id = ANY($1::uuid[])`,
      [deviceIds],
    );
    const managed = rows.filter((row) => MANAGED_DEVICE_STATES.includes(row.state as DeviceState));
    await manager.query('DELETE FROM device_compliance WHERE device_id = ANY($1::uuid[])', [
      rows.filter((row) => !managed.includes(row)).map((row) => row.id),
    ]);
    if (!managed.length) return 0;
    const rules = await this.rulesOf(manager, [...new Set(managed.map((row) => row.collectivite_id))]);
    const desired = await this.filtering.desiredRevisions(manager, {
      packIds: [...new Set(managed.flatMap((row) => (row.pack_id ? [row.pack_id] : [])))],
      unpackedCollectiviteIds: [...new Set(managed.flatMap((row) => (row.pack_id ? [] : [row.collectivite_id])))],
    });
    const results = managed.map((row) => {
      const ruleSet = rules.get(row.collectivite_id);
      const reasons: ComplianceReason[] = ruleSet
        ? evaluateCompliance(
            ruleSet,
            {
              osFamily: row.os_family,
              osVersion: row.os_version,
              lastCheckinAt: row.last_checkin_at,
              enrolledAt: row.enrolled_at,
              batteryHealth: row.battery_health,
              installedProfileIds: row.profile_ids,
              filteringInstalled: row.filtering_revision,
              filteringDesired: desired.get(row.pack_id ?? unpackedContext(row.collectivite_id)) ?? null,
            },
            now,
          )
        : [];
      return { row, reasons };
    });
    await manager.query(
      `INSERT INTO device_compliance (device_id, collectivite_id, compliant, reasons, evaluated_at)
       SELECT device_id, collectivite_id, compliant, reasons, $5 FROM unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::jsonb[]) AS r(device_id, collectivite_id, compliant, reasons)
       ON CONFLICT (device_id) DO UPDATE SET collectivite_id = EXCLUDED.collectivite_id, compliant = EXCLUDED.compliant, reasons = EXCLUDED.reasons, evaluated_at = EXCLUDED.evaluated_at`,
      [
        results.map((result) => result.row.id),
        results.map((result) => result.row.collectivite_id),
        results.map((result) => result.reasons.length === 0),
        results.map((result) => JSON.stringify(result.reasons)),
        now,
      ],
    );
    return results.length;
  }

  /** Every device of a collectivité (or of all of them), in batches: rule changes and the periodic sweep. */
  async evaluateTenant(collectiviteId: string | null, now = new Date()): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let evaluated = 0;
    for (;;) {
      const batch: Array<{ id: string }> = await this.dataSource.query(
        `SELECT id FROM devices WHERE ($1::uuid IS NULL OR collectivite_id = $1) AND id > $2 ORDER BY id LIMIT $3`,
        [collectiviteId, after, BATCH],
      );
      if (!batch.length) return evaluated;
      evaluated += await this.dataSource.transaction((manager) =>
        this.evaluateDevices(
          manager,
          batch.map((row) => row.id),
          now,
        ),
      );
      after = batch[batch.length - 1].id;
    }
  }

  private async rulesOf(manager: EntityManager, collectiviteIds: string[]): Promise<Map<string, ComplianceRuleSet>> {
    const rows: Array<{
      collectivite_id: string;
      min_os_versions: ComplianceRuleSet['minOsVersions'];
      max_days_without_checkin: number | null;
      min_battery_health: number | null;
      require_filtering: boolean;
      required_profiles: Array<{ id: string; name: string }>;
    }> = await manager.query(
      `SELECT r.collectivite_id, r.min_os_versions, r.max_days_without_checkin, r.min_battery_health, r.require_filtering,
                COALESCE((SELECT jsonb_agg(jsonb_build_object('id', p.id, 'name', p.name) ORDER BY p.name) FROM profiles p WHERE p.id = ANY(r.required_profile_ids)), '[]') AS required_profiles
           FROM compliance_rules r WHERE r.collectivite_id = ANY($1::uuid[])`,
      [collectiviteIds],
    );
    return new Map(
      rows.map((row) => [
        row.collectivite_id,
        {
          minOsVersions: row.min_os_versions,
          maxDaysWithoutCheckin: row.max_days_without_checkin,
          minBatteryHealth: row.min_battery_health,
          requiredProfiles: row.required_profiles,
          requireFiltering: row.require_filtering,
        },
      ]),
    );
  }
}
