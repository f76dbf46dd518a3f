import { Role } from './role';
import { SocleError } from '../errors/socle-error';
import { CoreErrorCode } from '../core-error-codes';

/** Who is calling, as loaded from the database for this request (never trusted from the body). */
export class Actor {
  constructor(
    readonly userId: string,
    readonly role: Role,
    readonly collectiviteId: string | null,
    readonly schoolIds: readonly string[],
  ) {}

  /** The tenant every query of this request is scoped to; the platform operator has none. */
  tenantId(): string {
    if (!this.collectiviteId) {
      throw SocleError.forbidden(
        CoreErrorCode.TenantRequired,
        "Cette action se fait avec un compte de la collectivité (administrateur ou technicien), pas avec le compte de l'opérateur.",
      );
    }
    return this.collectiviteId;
  }

  isTeacher(): boolean {
    return this.role === Role.Teacher;
  }

  /** Teachers see only their schools; other tenant roles see every school of their collectivité. */
  canSeeSchool(schoolId: string): boolean {
    return !this.isTeacher() || this.schoolIds.includes(schoolId);
  }
}
