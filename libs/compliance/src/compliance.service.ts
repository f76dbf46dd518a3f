import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, jobId, JobName, Page, QueueName, SocleError } from '@socle/core';
import { MANAGED_DEVICE_STATES, PacksService, sqlList } from '@socle/fleet';
import { SchoolsService } from '@socle/tenancy';
import { ComplianceEvaluator } from './compliance-evaluator';
import { ComplianceRules } from './compliance-rules.entity';
import { ComplianceDevicesQuery, ComplianceSummaryQuery } from './dto/compliance-queries.dto';
import { ComplianceRulesDto } from './dto/compliance-rules.dto';
import type { ComplianceReason } from './evaluate-compliance';

export interface DeviceComplianceItem {
  id: string;
  deviceId: string;
  serialNumber: string;
  packId: string | null;
  schoolId: string | null;
  osFamily: string;
  osVersion: string | null;
  state: string;
  lastCheckinAt: Date | null;
  /** Null: not evaluated (not managed, or not yet seen since the rules exist). */
  compliant: boolean | null;
  reasons: ComplianceReason[];
  evaluatedAt: Date | null;
}

const MANAGED = `(${sqlList(MANAGED_DEVICE_STATES)})`;
/** Up to this many devices, a rule change is evaluated before answering (a town's fleet takes well under a second). */
const INLINE_EVALUATION_LIMIT = 5_000;

type RulesView = Omit<ComplianceRules, 'collectivite' | 'updatedAt'> & { updatedAt: Date | null };

@Injectable()
export class ComplianceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly evaluator: ComplianceEvaluator,
    private readonly packs: PacksService,
    private readonly schools: SchoolsService,
    private readonly audit: AuditService,
    @InjectQueue(QueueName.Maintenance) private readonly maintenance: Queue,
  ) {}

  /** No rules yet: every managed device is compliant, and this says so. */
  async rules(actor: Actor): Promise<RulesView> {
    const collectiviteId = actor.tenantId();
    const stored = await this.dataSource.getRepository(ComplianceRules).findOneBy({ collectiviteId });
    return (
      stored ?? {
        collectiviteId,
        minOsVersions: {},
        maxDaysWithoutCheckin: null,
        minBatteryHealth: null,
        requiredProfileIds: [],
        requireFiltering: false,
        updatedBy: null,
        updatedAt: null,
      }
    );
  }

  /** Replaces the rules, then evaluates every device of the collectivité against them at once. */
  async replaceRules(
    actor: Actor,
    dto: ComplianceRulesDto,
  ): Promise<RulesView & { evaluated: number; evaluationQueued: boolean }> {
    const collectiviteId = actor.tenantId();
    const requiredProfileIds = [...new Set(dto.requiredProfileIds ?? [])];
    await this.dataSource.transaction(async (manager) => {
      const found: Array<{ id: string }> = await manager.query(
        'SELECT id FROM profiles WHERE id = ANY($1::uuid[]) AND collectivite_id = $2',
        [requiredProfileIds, collectiviteId],
      );
      const missing = requiredProfileIds.filter((id) => !found.some((row) => row.id === id));
      if (missing.length)
        throw SocleError.notFound(
          'PROFILE_NOT_FOUND',
          `Profil(s) introuvable(s) dans votre collectivité : ${missing.join(', ')}.`,
        );
      const before = await manager.findOneBy(ComplianceRules, { collectiviteId });
      const after = {
        collectiviteId,
        minOsVersions: { ...(dto.minOsVersions ?? {}) },
        maxDaysWithoutCheckin: dto.maxDaysWithoutCheckin ?? null,
        minBatteryHealth: dto.minBatteryHealth ?? null,
        requiredProfileIds,
        requireFiltering: dto.requireFiltering ?? false,
        updatedBy: actor.userId,
      };
      await manager.upsert(ComplianceRules, after, ['collectiviteId']);
      await this.audit.record(manager, actor, {
        action: 'compliance.rules.update',
        entityType: 'compliance_rules',
        entityId: collectiviteId,
        summary: { before: before ?? null, after },
      });
    });
    const [{ devices }] = await this.dataSource.query(
      'SELECT count(*)::int AS devices FROM devices WHERE collectivite_id = $1',
      [collectiviteId],
    );
    if (devices > INLINE_EVALUATION_LIMIT) {
      // A département's fleet: the worker evaluates it in batches; the answer does not wait for it.
      await this.maintenance.add(
        JobName.ComplianceSweep,
        { collectiviteId },
        { jobId: jobId(JobName.ComplianceSweep, collectiviteId, Date.now()) },
      );
      return { ...(await this.rules(actor)), evaluated: 0, evaluationQueued: true };
    }
    const evaluated = await this.evaluator.evaluateTenant(collectiviteId);
    return { ...(await this.rules(actor)), evaluated, evaluationQueued: false };
  }

  async devices(actor: Actor, query: ComplianceDevicesQuery): Promise<Page<DeviceComplianceItem>> {
    const collectiviteId = actor.tenantId();
    if (query.packId) await this.packs.findVisible(actor, query.packId);
    if (query.schoolId) await this.schools.findVisible(actor, query.schoolId);
    const items: DeviceComplianceItem[] = await this.dataSource.query(
      `SELECT d.id, d.id AS "deviceId", d.serial_number AS "serialNumber", d.pack_id AS "packId", pk.school_id AS "schoolId",
              d.os_family AS "osFamily", d.os_version AS "osVersion", d.state, d.last_checkin_at AS "lastCheckinAt",
              c.compliant, COALESCE(c.reasons, '[]') AS reasons, c.evaluated_at AS "evaluatedAt"
         FROM devices d LEFT JOIN packs pk ON pk.id = d.pack_id LEFT JOIN device_compliance c ON c.device_id = d.id
        WHERE d.collectivite_id = $1
          AND ($2::uuid IS NULL OR d.pack_id = $2) AND ($3::uuid IS NULL OR pk.school_id = $3)
          AND ($4::boolean IS NULL OR c.compliant = $4) AND ($5::uuid IS NULL OR d.id > $5)
        ORDER BY d.id LIMIT $6`,
      [
        collectiviteId,
        query.packId ?? null,
        query.schoolId ?? null,
        query.compliant ?? null,
        query.cursor ?? null,
        query.limit + 1,
      ],
    );
    const page = items.slice(0, query.limit);
    return { items: page, nextCursor: items.length > query.limit ? page[page.length - 1].id : null };
  }

  /** The collectivité officer's view: managed devices compliant / not, the reasons by count, and school by school. */
  async summary(actor: Actor, query: ComplianceSummaryQuery) {
    const collectiviteId = actor.tenantId();
    if (query.schoolId) await this.schools.findVisible(actor, query.schoolId);
    const scope = `FROM devices d LEFT JOIN packs pk ON pk.id = d.pack_id LEFT JOIN device_compliance c ON c.device_id = d.id
                   WHERE d.collectivite_id = $1 AND d.state IN ${MANAGED} AND ($2::uuid IS NULL OR pk.school_id = $2)`;
    const parameters = [collectiviteId, query.schoolId ?? null];
    const [totals] = await this.dataSource.query(
      `SELECT count(*)::int AS devices, count(*) FILTER (WHERE c.compliant)::int AS compliant,
              count(*) FILTER (WHERE NOT c.compliant)::int AS "nonCompliant", count(*) FILTER (WHERE c.device_id IS NULL)::int AS "notEvaluated" ${scope}`,
      parameters,
    );
    const reasons = await this.dataSource.query(
      `SELECT reason->>'code' AS code, count(DISTINCT d.id)::int AS devices ${scope.replace('WHERE', "CROSS JOIN LATERAL jsonb_array_elements(COALESCE(c.reasons, '[]')) AS reason WHERE")}
        GROUP BY 1 ORDER BY 2 DESC, 1`,
      parameters,
    );
    const schools = await this.dataSource.query(
      `SELECT pk.school_id AS "schoolId", s.name, count(*)::int AS devices, count(*) FILTER (WHERE c.compliant)::int AS compliant,
              count(*) FILTER (WHERE NOT c.compliant)::int AS "nonCompliant" ${scope.replace('LEFT JOIN device_compliance', 'JOIN schools s ON s.id = pk.school_id LEFT JOIN device_compliance')}
        GROUP BY pk.school_id, s.name ORDER BY s.name`,
      parameters,
    );
    return { ...totals, reasons, schools };
  }
}
