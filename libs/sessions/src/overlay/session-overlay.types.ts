import type { OsFamily } from '@socle/fleet';

/** What every platform renderer receives for one session: built from the database at hand-over. */
export interface SessionOverlayInput {
  sessionId: string;
  startsAt: Date;
  endsAt: Date;
  classroom: string;
  collectivite: { id: string; name: string };
  /** The lesson's apps, for the pack's platform; empty: no app restriction beyond the usual profiles. */
  apps: Array<{ identifier: string; name: string }>;
  /** Host names (and their sub-domains) the lesson may reach; empty: usual filtering only. */
  domains: string[];
}

/** What a device gets in the `overlay` field of `session_start`. */
export interface RenderedOverlay {
  osFamily: OsFamily;
  /** Removing it ends the session on the device (Apple: the profile's PayloadIdentifier). */
  identifier: string;
  contentType: string;
  encoding: 'base64' | 'json';
  body: string | object;
}

export const SESSION_IDENTIFIER_PREFIX = 'fr.socle.session';

export function sessionIdentifier(sessionId: string): string {
  return `${SESSION_IDENTIFIER_PREFIX}.${sessionId}`;
}

const TIME = new Intl.DateTimeFormat('fr-FR', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' });

/** "Séance CM1 A 09:00–10:00", shown in the device's settings while the overlay is on. */
export function overlayTitle(input: SessionOverlayInput): string {
  return `Séance ${input.classroom} ${TIME.format(input.startsAt)}–${TIME.format(input.endsAt)}`;
}
