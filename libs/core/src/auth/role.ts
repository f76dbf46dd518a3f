export enum Role {
  PlatformAdmin = 'platform_admin',
  CollectiviteAdmin = 'collectivite_admin',
  Technician = 'technician',
  Teacher = 'teacher',
}

/** Roles that manage a collectivité's fleet (schools, packs, devices). */
export const FLEET_MANAGERS = [Role.CollectiviteAdmin, Role.Technician] as const;
