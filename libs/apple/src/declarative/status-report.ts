import { AppleSchemaFiles } from '../schema/apple-schema-files';
import { AppleKeyProblem, isDictionary, validateAppleKeys } from '../schema/apple-keys-validator';

/** What Socle reads from a DDM status report; every field present only when the device reported it. */
export interface DeviceStatus {
  batteryHealth?: 'non-genuine' | 'normal' | 'service-recommended' | 'unknown' | 'unsupported';
  osVersion?: string;
  osBuildVersion?: string;
  modelFamily?: string;
  modelIdentifier?: string;
  serialNumber?: string;
  /** Declaration types the client supports, e.g. to decide whether profiles go as legacy declarations. */
  supportedConfigurations?: string[];
  supportedStatusItems?: string[];
  /** Per declaration identifier: whether it is active and valid on the device. */
  declarations?: Record<string, { active?: boolean; valid?: string; serverToken?: string }>;
}

export interface StatusReport {
  /** Every reported item by its dotted name (`device.power.battery-health`), as sent. */
  items: Record<string, unknown>;
  status: DeviceStatus;
  errors: { statusItem: string; reasons: unknown[] }[];
  fullReport: boolean;
  /** Items whose value does not match Apple's status schema: kept out of `status`. */
  problems: AppleKeyProblem[];
}

export class StatusReportError extends Error {
  readonly code = 'DDM_STATUS_INVALID';
}

/**
 * Reads the JSON of a `status` DeclarativeManagement check-in: StatusItems is a tree whose paths
 * are the item names; the walk stops at a name Apple's status schemas know (its value may itself be
 * a dictionary, such as management.client-capabilities) or at a leaf.
 */
export function parseStatusReport(data: Buffer | string, specsDir: string): StatusReport {
  let report: unknown;
  try {
    report = JSON.parse(typeof data === 'string' ? data : data.toString('utf8'));
  } catch {
    throw new StatusReportError("Le rapport d'état n'est pas du JSON.");
  }
  if (!isDictionary(report) || !isDictionary(report.StatusItems))
    throw new StatusReportError("Le rapport d'état n'a pas de StatusItems.");
  const schemas = AppleSchemaFiles.open(specsDir);
  const known = new Set(schemas.names('declarative/status'));
  const items: Record<string, unknown> = {};
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      const name = prefix ? `${prefix}.${key}` : key;
      if (known.has(name) || !isDictionary(value)) items[name] = value;
      else walk(value, name);
    }
  };
  walk(report.StatusItems, '');
  const problems: AppleKeyProblem[] = [];
  const valid: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(items)) {
    const schema = schemas.get('declarative/status', name);
    const found = schema ? validateAppleKeys({ [name]: value }, schema.keys, { allowUnknownKeys: true }) : [];
    problems.push(...found);
    if (!found.length) valid[name] = value;
  }
  const errors = Array.isArray(report.Errors)
    ? report.Errors.filter(isDictionary).map((error) => ({
        statusItem: String(error.StatusItem),
        reasons: Array.isArray(error.Reasons) ? error.Reasons : [],
      }))
    : [];
  return { items, status: statusOf(valid), errors, fullReport: report.FullReport === true, problems };
}

function statusOf(items: Record<string, any>): DeviceStatus {
  const capabilities = items['management.client-capabilities'];
  const declarations = items['management.declarations'];
  const status: DeviceStatus = {
    batteryHealth: items['device.power.battery-health'],
    osVersion: items['device.operating-system.version'],
    osBuildVersion: items['device.operating-system.build-version'],
    modelFamily: items['device.model.family'],
    modelIdentifier: items['device.model.identifier'],
    serialNumber: items['device.identifier.serial-number'],
    supportedConfigurations: capabilities?.['supported-payloads']?.declarations?.configurations,
    supportedStatusItems: capabilities?.['supported-payloads']?.['status-items'],
    declarations: declarations ? declarationStates(declarations) : undefined,
  };
  return Object.fromEntries(Object.entries(status).filter(([, value]) => value !== undefined)) as DeviceStatus;
}

function declarationStates(declarations: Record<string, unknown>): DeviceStatus['declarations'] {
  const states: NonNullable<DeviceStatus['declarations']> = {};
  for (const list of Object.values(declarations)) {
    if (!Array.isArray(list)) continue;
    for (const entry of list) {
      if (!isDictionary(entry) || typeof entry.identifier !== 'string') continue;
      states[entry.identifier] = {
        active: typeof entry.active === 'boolean' ? entry.active : undefined,
        valid: typeof entry.valid === 'string' ? entry.valid : undefined,
        serverToken: typeof entry['server-token'] === 'string' ? entry['server-token'] : undefined,
      };
    }
  }
  return states;
}
