import { Role } from './role';
import { SocleError } from '../errors/socle-error';

/** Who is calling, as loaded from the database for this request (never trusted from the body). */
export class Actor {
  constructor(
    readonly userId: string,
    readonly role: Role,
    readonly collectiviteId: string | null,
    readonly schoolIds: readonly string[],
    /** The token's id (`jti`), so logout can revoke this token alone. */
    readonly tokenId?: string,
  ) {}

  /** The tenant every query of this request is scoped to; the platform operator has none. */
  tenantId(): string {
    if (!this.collectiviteId) {
      throw SocleError.forbidden(
        'TENANT_REQUIRED',
        "Cette action se fait avec un compte de la collectivité (administrateur ou technicien), pas avec le compte de l'opérateur.",
      );
    }
    return this.collectiviteId;
  }

  isTeacher(): boolean {
    return this.role === Role.Teacher;
  }

  /** Teachers and school heads read only their schools; an ERUN reads every school (and runs sessions only in theirs). */
  seesOnlyOwnSchools(): boolean {
    return this.role === Role.Teacher || this.role === Role.SchoolHead;
  }

  canSeeSchool(schoolId: string): boolean {
    return !this.seesOnlyOwnSchools() || this.schoolIds.includes(schoolId);
  }

  /** Booking and piloting lessons: a teacher, school head or ERUN, in the schools they belong to. */
  canRunSessionsIn(schoolId: string): boolean {
    return [Role.Teacher, Role.SchoolHead, Role.Erun].includes(this.role) && this.schoolIds.includes(schoolId);
  }
}
