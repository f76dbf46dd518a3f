/** Which part of the console each role works in; the API enforces the same separation on every route. */
export type Area = 'teacher' | 'technician' | 'collectivite' | 'operator';

export const AREAS_BY_ROLE: Record<string, Area[]> = {
  teacher: ['teacher'],
  school_head: ['teacher'],
  erun: ['teacher'],
  technician: ['technician'],
  collectivite_admin: ['collectivite'],
  reviewer: ['collectivite'],
  platform_admin: ['operator'],
};

export const AREA_HOME: Record<Area, string> = {
  teacher: '/enseignant',
  technician: '/technicien',
  collectivite: '/collectivite',
  operator: '/operateur',
};

export const areasOf = (role: string | undefined): Area[] => (role ? (AREAS_BY_ROLE[role] ?? []) : []);

export function homeOf(role: string | undefined): string {
  const [first] = areasOf(role);
  return first ? AREA_HOME[first] : '/connexion';
}
