import { Injectable, Logger } from '@nestjs/common';
import * as argon2 from 'argon2';
import { DataSource, In } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, Role, SCHOOL_BOUND_ROLES, SocleConfig, SocleError, violatedConstraint } from '@socle/core';
import { assertPasswordPolicy } from './accounts/password-policy';
import { CreateUserDto } from './dto/create-user.dto';
import { School } from './school.entity';
import { User } from './user.entity';

export interface UserView {
  id: string;
  email: string;
  role: Role;
  collectiviteId: string | null;
  schoolIds: string[];
  displayName: string | null;
  disabled: boolean;
  createdAt: Date;
}

export interface MeView {
  id: string;
  email: string;
  role: Role;
  collectiviteId: string | null;
  schoolIds: string[];
  displayName?: string;
}

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: SocleConfig,
  ) {}

  async create(actor: Actor, collectiviteId: string, dto: CreateUserDto): Promise<UserView> {
    assertPasswordPolicy(dto.password, dto.email);
    const passwordHash = await argon2.hash(dto.password, { type: argon2.argon2id });
    const schoolIds = [...new Set(dto.schoolIds ?? [])];
    assertSchoolsFitRole(dto.role, schoolIds);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const schools = schoolIds.length ? await manager.findBy(School, { id: In(schoolIds), collectiviteId }) : [];
        if (schools.length !== schoolIds.length) {
          throw SocleError.notFound(
            'SCHOOL_NOT_FOUND',
            "Une des écoles indiquées n'existe pas dans cette collectivité.",
          );
        }
        const user = await manager.save(
          manager.create(User, {
            email: dto.email.toLowerCase(),
            passwordHash,
            role: dto.role,
            collectiviteId,
            displayName: dto.displayName ?? null,
            schools,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'user.create',
          entityType: 'user',
          entityId: user.id,
          collectiviteId,
          summary: { after: { email: user.email, role: user.role, schoolIds, displayName: user.displayName } },
        });
        return toView(user, schoolIds);
      });
    } catch (error) {
      if (violatedConstraint(error) === 'uq_users_email') {
        throw SocleError.conflict('EMAIL_TAKEN', 'Un compte existe déjà avec cette adresse e-mail.');
      }
      throw error;
    }
  }

  /** The caller's own account: what the console shows and which schools it may offer. */
  async me(actor: Actor): Promise<MeView> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.userId });
    return {
      id: user.id,
      email: user.email,
      role: user.role,
      collectiviteId: user.collectiviteId,
      schoolIds: [...actor.schoolIds],
      ...(user.displayName ? { displayName: user.displayName } : {}),
    };
  }

  /** First start: when nobody exists yet, the operator account comes from the environment. */
  async bootstrapPlatformAdmin(): Promise<void> {
    const { bootstrapAdminEmail: email, bootstrapAdminPassword: password } = this.config;
    if (!email || !password) return;
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['socle.bootstrap-admin']);
      if ((await manager.count(User)) > 0) return;
      const passwordHash = await argon2.hash(password, { type: argon2.argon2id });
      const user = await manager.save(
        manager.create(User, {
          email: email.toLowerCase(),
          passwordHash,
          role: Role.PlatformAdmin,
          collectiviteId: null,
        }),
      );
      await this.audit.record(
        manager,
        { system: 'bootstrap' },
        {
          action: 'user.bootstrap',
          entityType: 'user',
          entityId: user.id,
          summary: { after: { email: user.email, role: user.role } },
        },
      );
      this.logger.log(`Created the platform administrator ${user.email} from SOCLE_BOOTSTRAP_ADMIN_EMAIL`);
    });
  }
}

export function toView(user: User, schoolIds: string[]): UserView {
  return {
    id: user.id,
    email: user.email,
    role: user.role,
    collectiviteId: user.collectiviteId,
    schoolIds,
    displayName: user.displayName ?? null,
    disabled: Boolean(user.disabledAt),
    createdAt: user.createdAt,
  };
}

/** Only the school world (teacher, school head, ERUN) belongs to schools; the others see the collectivité. */
export function assertSchoolsFitRole(role: Role, schoolIds: readonly string[]): void {
  if (schoolIds.length > 0 && !SCHOOL_BOUND_ROLES.includes(role)) {
    throw SocleError.badRequest(
      'SCHOOLS_ONLY_FOR_TEACHERS',
      'Seuls les comptes enseignant, direction d’école et ERUN sont rattachés à des écoles : retirez schoolIds.',
    );
  }
}
