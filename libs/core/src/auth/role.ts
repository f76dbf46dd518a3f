export enum Role {
  PlatformAdmin = 'platform_admin',
  CollectiviteAdmin = 'collectivite_admin',
  Technician = 'technician',
  Teacher = 'teacher',
  /** Directeur·rice d'école: their schools, books for any class of them, reads their reports. */
  SchoolHead = 'school_head',
  /** Enseignant référent pour les usages du numérique: runs sessions in their schools, reads the others. */
  Erun = 'erun',
  /** Élu·e or service: every report of the collectivité, read-only, counts only. */
  Reviewer = 'reviewer',
}

/** Roles that manage a collectivité's fleet (schools, packs, devices). */
export const FLEET_MANAGERS = [Role.CollectiviteAdmin, Role.Technician] as const;

/** The school world: people who read their schools' packs, carts and sessions and run lessons. */
export const SCHOOL_STAFF = [Role.Teacher, Role.SchoolHead, Role.Erun] as const;

/** Who reads the reports (a school head only their schools'). */
export const REPORT_READERS = [...FLEET_MANAGERS, Role.SchoolHead, Role.Reviewer] as const;

/** Roles that belong to schools (user_schools); the others see the whole collectivité. */
export const SCHOOL_BOUND_ROLES: readonly Role[] = [Role.Teacher, Role.SchoolHead, Role.Erun];
