import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import {
  Actor,
  applyListQuery,
  ListQuery,
  ListSpec,
  Page,
  SocleError,
  toListPage,
  violatedConstraint,
} from '@socle/core';
import { Classroom, CLASSROOM_LEVELS } from './classroom.entity';
import { CreateClassroomDto } from './dto/create-classroom.dto';
import { CreateSchoolDto } from './dto/create-school.dto';
import { UpdateSchoolDto } from './dto/update-school.dto';
import { HELD_BY, restrictingTable } from './record-deletion';
import { School } from './school.entity';
import { checkUai } from './uai';
import { TenancyErrorCode } from './tenancy-error-codes';

const SCHOOL_LIST: ListSpec<School> = {
  alias: 'school',
  sorts: {
    name: { sql: 'school.name', type: 'text', of: (school) => school.name },
    uai: { sql: 'school.uai::text', type: 'text', of: (school) => school.uai },
    createdAt: {
      sql: "date_trunc('milliseconds', school.created_at)",
      type: 'timestamptz',
      of: (school) => school.createdAt,
    },
  },
  defaultSort: 'name',
  search: ['school.name', 'school.uai'],
};

@Injectable()
export class SchoolsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateSchoolDto): Promise<School> {
    const collectiviteId = actor.tenantId();
    const checked = checkUai(dto.uai);
    if ('problem' in checked) {
      const message =
        checked.problem === 'format'
          ? "Le numéro UAI doit compter 7 chiffres suivis d'une lettre (ex. 0750655E)."
          : `La lettre clé du numéro UAI ne correspond pas à ses chiffres (attendue : ${checked.expectedLetter}). Vérifiez le numéro sur l'annuaire de l'Éducation nationale.`;
      throw new SocleError(HttpStatus.BAD_REQUEST, TenancyErrorCode.UaiInvalid, message, {
        fields: [{ field: 'uai', problems: [checked.problem] }],
      });
    }
    try {
      return await this.dataSource.transaction(async (manager) => {
        const school = await manager.save(
          manager.create(School, {
            ...dto,
            uai: checked.uai,
            collectiviteId,
            bandwidthMbps: dto.bandwidthMbps ?? null,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'school.create',
          entityType: 'school',
          entityId: school.id,
          summary: { after: { ...dto, uai: checked.uai } },
        });
        return school;
      });
    } catch (error) {
      if (violatedConstraint(error) === 'uq_schools_uai') {
        throw SocleError.conflict(TenancyErrorCode.SchoolUaiTaken, `L'école ${checked.uai} est déjà enregistrée.`);
      }
      throw error;
    }
  }

  async list(actor: Actor, query: ListQuery): Promise<Page<School>> {
    const builder = this.dataSource
      .getRepository(School)
      .createQueryBuilder('school')
      .where('school.collectivite_id = :tenant', { tenant: actor.tenantId() });
    if (actor.seesOnlyOwnSchools()) builder.andWhere('school.id = ANY(:schools)', { schools: actor.schoolIds });
    return toListPage(await applyListQuery(builder, query, SCHOOL_LIST).getMany(), query, SCHOOL_LIST);
  }

  async update(actor: Actor, schoolId: string, dto: UpdateSchoolDto): Promise<School> {
    return this.dataSource.transaction(async (manager) => {
      const school = await this.findVisible(actor, schoolId, manager, { lock: true });
      const before = { name: school.name, classCount: school.classCount, bandwidthMbps: school.bandwidthMbps };
      Object.assign(school, dto);
      const saved = await manager.save(school);
      await this.audit.record(manager, actor, {
        action: 'school.update',
        entityType: 'school',
        entityId: school.id,
        summary: { before, after: dto },
      });
      return saved;
    });
  }

  /** Refused by the schema while packs, carts or sessions hold the school (its classrooms go with it). */
  async remove(actor: Actor, schoolId: string): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const school = await this.findVisible(actor, schoolId, manager, { lock: true });
        await manager.delete(School, { id: school.id });
        await this.audit.record(manager, actor, {
          action: 'school.delete',
          entityType: 'school',
          entityId: school.id,
          summary: { before: { uai: school.uai, name: school.name } },
        });
      });
    } catch (error) {
      const table = restrictingTable(error);
      if (!table) throw error;
      throw SocleError.conflict(
        'SCHOOL_NOT_EMPTY',
        `Cette école contient encore ${HELD_BY[table] ?? 'des enregistrements'} : supprimez-les ou déplacez-les d'abord.`,
        { heldBy: table },
      );
    }
  }

  /** Another collectivité's school, or a school a teacher does not belong to, is answered like a missing one. */
  async findVisible(
    actor: Actor,
    schoolId: string,
    manager: EntityManager = this.dataSource.manager,
    options: { lock?: boolean } = {},
  ): Promise<School> {
    const school = await manager.findOne(School, {
      where: { id: schoolId, collectiviteId: actor.tenantId() },
      lock: options.lock ? { mode: 'pessimistic_write' } : undefined,
    });
    if (!school || !actor.canSeeSchool(school.id)) {
      throw SocleError.notFound(
        TenancyErrorCode.SchoolNotFound,
        "Cette école n'existe pas ou ne vous est pas accessible.",
      );
    }
    return school;
  }

  async createClassroom(actor: Actor, schoolId: string, dto: CreateClassroomDto): Promise<Classroom> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.findVisible(actor, schoolId, manager);
        const classroom = await manager.save(manager.create(Classroom, { ...dto, schoolId }));
        await this.audit.record(manager, actor, {
          action: 'classroom.create',
          entityType: 'classroom',
          entityId: classroom.id,
          summary: { after: { ...dto, schoolId } },
        });
        return classroom;
      });
    } catch (error) {
      if (violatedConstraint(error) === 'uq_classrooms_school_name') {
        throw SocleError.conflict(
          TenancyErrorCode.ClassroomNameTaken,
          `Une classe « ${dto.name} » existe déjà dans cette école.`,
        );
      }
      throw error;
    }
  }

  /** A school's classrooms, from PS to CM2, then by name in French order. */
  async listClassrooms(actor: Actor, schoolId: string): Promise<Page<Classroom>> {
    await this.findVisible(actor, schoolId);
    const classrooms = await this.dataSource
      .getRepository(Classroom)
      .createQueryBuilder('c')
      .where('c.school_id = :schoolId', { schoolId })
      .orderBy(`array_position(ARRAY[${CLASSROOM_LEVELS.map((level) => `'${level}'`).join(',')}], c.level)`)
      .addOrderBy('c.name COLLATE "fr-x-icu"')
      .getMany();
    return { items: classrooms, nextCursor: null };
  }
}
