import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, Page, PageQuery, Role, SCHOOL_BOUND_ROLES, SocleError, toPage } from '@socle/core';
import { UpdateUserDto } from '../dto/update-user.dto';
import { School } from '../school.entity';
import { User } from '../user.entity';
import { assertSchoolsFitRole, toView, UserView } from '../users.service';

const notFound = () => SocleError.notFound('USER_NOT_FOUND', "Ce compte n'existe pas ou ne vous est pas accessible.");

/**
 * An administrator runs the people of their collectivité; the operator, any collectivité's. A
 * disable, a delete or a role change bumps the token version: the user's tokens stop working on
 * their next request.
 */
@Injectable()
export class UserAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(collectiviteId: string, page: PageQuery): Promise<Page<UserView>> {
    const query = this.dataSource
      .getRepository(User)
      .createQueryBuilder('user')
      .leftJoinAndSelect('user.schools', 'school')
      .where('user.collectivite_id = :collectiviteId AND user.deleted_at IS NULL', { collectiviteId })
      .orderBy('user.id')
      .take(page.limit + 1);
    if (page.cursor) query.andWhere('user.id > :cursor', { cursor: page.cursor });
    const users = await query.getMany();
    return toPage(
      users.map((user) =>
        toView(
          user,
          (user.schools ?? []).map((school) => school.id),
        ),
      ),
      page.limit,
    );
  }

  async update(actor: Actor, userId: string, dto: UpdateUserDto): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.findManaged(actor, userId, manager);
      this.refuseSelf(actor, user, dto.role !== undefined || dto.disabled !== undefined);
      const role = dto.role ?? user.role;
      const current = (user.schools ?? []).map((school) => school.id);
      // A role outside the school world drops the schools it no longer uses.
      const schoolIds = dto.schoolIds ? [...new Set(dto.schoolIds)] : SCHOOL_BOUND_ROLES.includes(role) ? current : [];
      assertSchoolsFitRole(role, schoolIds);
      const schools = schoolIds.length
        ? await manager.findBy(School, { id: In(schoolIds), collectiviteId: user.collectiviteId! })
        : [];
      if (schools.length !== schoolIds.length)
        throw SocleError.notFound('SCHOOL_NOT_FOUND', "Une des écoles indiquées n'existe pas dans cette collectivité.");
      const disabledAt =
        dto.disabled === undefined ? user.disabledAt : dto.disabled ? (user.disabledAt ?? new Date()) : null;
      const revoke = role !== user.role || (dto.disabled === true && !user.disabledAt);
      const before = {
        role: user.role,
        schoolIds: current,
        disabled: Boolean(user.disabledAt),
        displayName: user.displayName,
      };
      Object.assign(user, {
        role,
        schools,
        disabledAt,
        displayName: dto.displayName ?? user.displayName,
        tokenVersion: user.tokenVersion + (revoke ? 1 : 0),
      });
      await manager.save(user);
      const after = { role, schoolIds, disabled: Boolean(disabledAt), displayName: user.displayName };
      await this.audit.record(manager, actor, {
        action: dto.disabled === true && !before.disabled ? 'user.disable' : 'user.update',
        entityType: 'user',
        entityId: user.id,
        collectiviteId: user.collectiviteId,
        summary: { before, after },
      });
      return toView(user, schoolIds);
    });
  }

  /**
   * The row stays (sessions and the audit trail name it) but the person is gone: e-mail scrubbed,
   * password unusable, schools dropped, tokens revoked. The e-mail can then be used again.
   */
  async remove(actor: Actor, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await this.findManaged(actor, userId, manager);
      this.refuseSelf(actor, user, true);
      await manager.query(
        `UPDATE users SET email = 'supprime-' || id || '@socle.invalid', password_hash = '!', display_name = NULL,
                disabled_at = COALESCE(disabled_at, now()), deleted_at = now(), token_version = token_version + 1
          WHERE id = $1`,
        [user.id],
      );
      await manager.query('DELETE FROM user_schools WHERE user_id = $1', [user.id]);
      await manager.query('DELETE FROM password_resets WHERE user_id = $1', [user.id]);
      await this.audit.record(manager, actor, {
        action: 'user.delete',
        entityType: 'user',
        entityId: user.id,
        collectiviteId: user.collectiviteId,
        summary: { before: { email: user.email, role: user.role } },
      });
    });
  }

  /** Locked for the change, so two admins editing one account at once apply one after the other. */
  async findManaged(actor: Actor, userId: string, manager: EntityManager = this.dataSource.manager): Promise<User> {
    const locked = await manager.findOne(User, {
      where: { id: userId, deletedAt: IsNull() },
      lock: { mode: 'pessimistic_write' },
    });
    if (!locked || !locked.collectiviteId) throw notFound();
    if (actor.role !== Role.PlatformAdmin && locked.collectiviteId !== actor.collectiviteId) throw notFound();
    const user = await manager.findOneOrFail(User, { where: { id: userId }, relations: { schools: true } });
    return user;
  }

  private refuseSelf(actor: Actor, user: User, changesAccess: boolean): void {
    if (changesAccess && user.id === actor.userId)
      throw SocleError.conflict(
        'OWN_ACCOUNT',
        'Vous ne pouvez pas désactiver, supprimer ou changer le rôle de votre propre compte : demandez-le à un autre administrateur.',
      );
  }
}
