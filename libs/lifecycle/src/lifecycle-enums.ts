export const REPRISE_KINDS = ['distributor_take_back', 'recycler', 'reuse_donation'] as const;
export type RepriseKind = (typeof REPRISE_KINDS)[number];

export const REPRISE_KIND_LABELS: Record<RepriseKind, string> = {
  distributor_take_back: 'Reprise par le distributeur (« un pour un »)',
  recycler: 'Éco-organisme / recycleur',
  reuse_donation: 'Réemploi / don',
};

export const INCIDENT_KINDS = [
  'screen',
  'battery',
  'charging_port',
  'keyboard_trackpad',
  'liquid_damage',
  'software',
  'other',
] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
