import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, Page, PageQuery, SocleError, toPage, violatedConstraint } from '@socle/core';
import { Classroom } from './classroom.entity';
import { CreateClassroomDto } from './dto/create-classroom.dto';
import { CreateSchoolDto } from './dto/create-school.dto';
import { School } from './school.entity';
import { checkUai } from './uai';

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
      throw new SocleError(HttpStatus.BAD_REQUEST, 'UAI_INVALID', message, {
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
        throw SocleError.conflict('SCHOOL_UAI_TAKEN', `L'école ${checked.uai} est déjà enregistrée.`);
      }
      throw error;
    }
  }

  async list(actor: Actor, page: PageQuery): Promise<Page<School>> {
    const query = this.dataSource
      .getRepository(School)
      .createQueryBuilder('school')
      .where('school.collectivite_id = :tenant', { tenant: actor.tenantId() })
      .orderBy('school.id')
      .take(page.limit + 1);
    if (actor.seesOnlyOwnSchools()) query.andWhere('school.id = ANY(:schools)', { schools: actor.schoolIds });
    if (page.cursor) query.andWhere('school.id > :cursor', { cursor: page.cursor });
    return toPage(await query.getMany(), page.limit);
  }

  /** Another collectivité's school, or a school a teacher does not belong to, is answered like a missing one. */
  async findVisible(actor: Actor, schoolId: string, manager: EntityManager = this.dataSource.manager): Promise<School> {
    const school = await manager.findOneBy(School, { id: schoolId, collectiviteId: actor.tenantId() });
    if (!school || !actor.canSeeSchool(school.id)) {
      throw SocleError.notFound('SCHOOL_NOT_FOUND', "Cette école n'existe pas ou ne vous est pas accessible.");
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
        throw SocleError.conflict('CLASSROOM_NAME_TAKEN', `Une classe « ${dto.name} » existe déjà dans cette école.`);
      }
      throw error;
    }
  }

  async listClassrooms(actor: Actor, schoolId: string): Promise<Classroom[]> {
    await this.findVisible(actor, schoolId);
    return this.dataSource.getRepository(Classroom).find({ where: { schoolId }, order: { level: 'ASC', name: 'ASC' } });
  }
}
