import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, SocleError, violatedConstraint } from '@socle/core';
import { Classroom } from './classroom.entity';
import { UpdateClassroomDto } from './dto/update-classroom.dto';
import { restrictingTable } from './record-deletion';
import { School } from './school.entity';

@Injectable()
export class ClassroomsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async update(actor: Actor, classroomId: string, dto: UpdateClassroomDto): Promise<Classroom> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const classroom = await this.findManaged(actor, classroomId, manager);
        const before = { name: classroom.name, level: classroom.level };
        const saved = await manager.save(Object.assign(classroom, dto));
        await this.audit.record(manager, actor, {
          action: 'classroom.update',
          entityType: 'classroom',
          entityId: classroom.id,
          summary: { before, after: dto },
        });
        return saved;
      });
    } catch (error) {
      if (violatedConstraint(error) === 'uq_classrooms_school_name')
        throw SocleError.conflict('CLASSROOM_NAME_TAKEN', `Une classe « ${dto.name} » existe déjà dans cette école.`);
      throw error;
    }
  }

  /** Refused by the schema while sessions (past or booked) name the classroom. */
  async remove(actor: Actor, classroomId: string): Promise<void> {
    try {
      await this.dataSource.transaction(async (manager) => {
        const classroom = await this.findManaged(actor, classroomId, manager);
        await manager.delete(Classroom, { id: classroom.id });
        await this.audit.record(manager, actor, {
          action: 'classroom.delete',
          entityType: 'classroom',
          entityId: classroom.id,
          summary: { before: { name: classroom.name, level: classroom.level, schoolId: classroom.schoolId } },
        });
      });
    } catch (error) {
      if (!restrictingTable(error)) throw error;
      throw SocleError.conflict(
        'CLASSROOM_NOT_EMPTY',
        'Des séances sont enregistrées pour cette classe : elle reste dans leur historique et ne peut pas être supprimée (renommez-la).',
      );
    }
  }

  /** Locked, within the caller's collectivité (another's answers 404 like a missing one). */
  private async findManaged(actor: Actor, classroomId: string, manager: EntityManager): Promise<Classroom> {
    const classroom = await manager
      .createQueryBuilder(Classroom, 'c')
      .innerJoin(School, 's', 's.id = c.school_id')
      .where('c.id = :classroomId AND s.collectivite_id = :tenant', { classroomId, tenant: actor.tenantId() })
      .setLock('pessimistic_write', undefined, ['c'])
      .getOne();
    if (!classroom || !actor.canSeeSchool(classroom.schoolId))
      throw SocleError.notFound('CLASSROOM_NOT_FOUND', "Cette classe n'existe pas ou ne vous est pas accessible.");
    return classroom;
  }
}
