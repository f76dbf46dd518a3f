import { MANAGED_DEVICE_STATES } from './device-state-machine';
import { sqlList } from './fleet-enums';

/**
 * Devices a change reaches, as profiles and filtering converge them: those of some packs, those
 * without a pack in some collectivités, optionally only some devices.
 */
export interface DeviceScope {
  packIds: string[];
  unpackedCollectiviteIds: string[];
  deviceIds?: string[];
}

/** A pack is its own context; devices outside any pack follow their collectivité alone (`none:<collectivité id>`). */
export function unpackedContext(collectiviteId: string): string {
  return `none:${collectiviteId}`;
}

/** The same context key in SQL, for a devices row aliased `d`. */
export const DEVICE_CONTEXT_KEY_SQL = `COALESCE(d.pack_id::text, 'none:' || d.collectivite_id)`;

/** `d.state IN (…managed…)`, for a devices row aliased `d`. */
export const MANAGED_DEVICE_SQL = `d.state IN (${sqlList(MANAGED_DEVICE_STATES)})`;
