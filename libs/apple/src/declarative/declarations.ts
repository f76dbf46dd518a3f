import { createHash } from 'node:crypto';

/** A declaration as the device fetches it from `declaration/<kind>/<identifier>` (RFC-style JSON). */
export interface Declaration<T extends string = string> {
  Type: T;
  Identifier: string;
  /** Changes whenever the payload changes: the device refetches only what changed. */
  ServerToken: string;
  Payload: Record<string, unknown>;
}

export type DeclarationKind = 'activation' | 'configuration' | 'asset' | 'management';

/** Apple's URL segment for a declaration type: `com.apple.configuration.legacy` is a configuration. */
export function kindOf(declaration: Pick<Declaration, 'Type'>): DeclarationKind {
  const kind = declaration.Type.split('.')[2];
  if (kind === 'activation' || kind === 'configuration' || kind === 'asset' || kind === 'management') return kind;
  throw new Error(`Unknown declaration kind in ${declaration.Type}`);
}

/** Apple asks for identifiers and tokens of at most 64 octets. */
const MAX_OCTETS = 64;

function declaration<T extends string>(type: T, identifier: string, payload: Record<string, unknown>): Declaration<T> {
  if (!identifier || Buffer.byteLength(identifier) > MAX_OCTETS)
    throw new Error(`A declaration identifier is 1 to ${MAX_OCTETS} octets`);
  const clean = Object.fromEntries(Object.entries(payload).filter(([, value]) => value !== undefined));
  return {
    Type: type,
    Identifier: identifier,
    ServerToken: tokenOf({ type, identifier, payload: clean }),
    Payload: clean,
  };
}

/** A stable digest of a value, key order aside: re-rendering the same declaration gives the same token. */
export function tokenOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value)).digest('hex').slice(0, 40);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'null';
}

/**
 * Forces an OS update by a deadline (iPadOS 17+), set per pack or school. Apple retires the MDM
 * software-update commands in favour of this declaration. `deadline` is the device's local time.
 */
export function softwareUpdateEnforcement(input: {
  identifier: string;
  targetOSVersion: string;
  deadline: Date | string;
  targetBuildVersion?: string;
  detailsUrl?: string;
}) {
  if (!/^\d+(\.\d+){0,2}$/.test(input.targetOSVersion)) throw new Error('TargetOSVersion looks like 17.5 or 17.5.1');
  return declaration('com.apple.configuration.softwareupdate.enforcement.specific', input.identifier, {
    TargetOSVersion: input.targetOSVersion,
    TargetBuildVersion: input.targetBuildVersion,
    TargetLocalDateTime: localDateTime(input.deadline),
    DetailsURL: input.detailsUrl,
  });
}

/** One of Socle's signed profiles, delivered by declaration to devices that speak DDM. */
export function legacyProfile(input: { identifier: string; profileUrl: string }) {
  if (!/^https:\/\//.test(input.profileUrl)) throw new Error('A legacy profile URL must be https');
  return declaration('com.apple.configuration.legacy', input.identifier, { ProfileURL: input.profileUrl });
}

/** What health needs without polling: battery health, OS, model, and what the client supports. */
export const SOCLE_STATUS_SUBSCRIPTIONS = [
  'device.power.battery-health',
  'device.operating-system.version',
  'device.operating-system.build-version',
  'device.model.family',
  'device.model.identifier',
  'device.identifier.serial-number',
  'management.client-capabilities',
  'management.declarations',
] as const;

export function statusSubscriptions(input: { identifier: string; items?: readonly string[] }) {
  return declaration('com.apple.configuration.management.status-subscriptions', input.identifier, {
    StatusItems: [...(input.items ?? SOCLE_STATUS_SUBSCRIPTIONS)].map((name) => ({ Name: name })),
  });
}

/** Activates configurations, optionally under a predicate (e.g. only on iPadOS 17). */
export function simpleActivation(input: { identifier: string; configurations: readonly string[]; predicate?: string }) {
  if (!input.configurations.length) throw new Error('An activation activates at least one configuration');
  return declaration('com.apple.activation.simple', input.identifier, {
    StandardConfigurations: [...input.configurations],
    Predicate: input.predicate,
  });
}

/** `yyyy-mm-ddThh:mm:ss`, no zone: what the device reads as its own local time. */
function localDateTime(deadline: Date | string): string {
  if (typeof deadline === 'string') {
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(deadline))
      throw new Error('TargetLocalDateTime is yyyy-mm-ddThh:mm:ss, without a time zone');
    return deadline;
  }
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${deadline.getFullYear()}-${pad(deadline.getMonth() + 1)}-${pad(deadline.getDate())}T${pad(deadline.getHours())}:${pad(deadline.getMinutes())}:${pad(deadline.getSeconds())}`;
}

/** The `tokens` endpoint: one token that changes whenever any declaration does. */
export function tokensResponse(declarations: readonly Declaration[], timestamp = new Date()) {
  return {
    SyncTokens: {
      DeclarationsToken: declarationsToken(declarations),
      Timestamp: timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    },
  };
}

/** The `declaration-items` endpoint: every declaration's identifier and token, by kind. */
export function declarationItemsResponse(declarations: readonly Declaration[]) {
  const item = (declaration: Declaration) => ({
    Identifier: declaration.Identifier,
    ServerToken: declaration.ServerToken,
  });
  const of = (kind: DeclarationKind) => declarations.filter((declaration) => kindOf(declaration) === kind).map(item);
  const identifiers = new Set<string>();
  for (const declaration of declarations) {
    if (identifiers.has(declaration.Identifier))
      throw new Error(`Two declarations share the identifier ${declaration.Identifier}`);
    identifiers.add(declaration.Identifier);
  }
  return {
    Declarations: {
      Activations: of('activation'),
      Configurations: of('configuration'),
      Assets: of('asset'),
      Management: of('management'),
    },
    DeclarationsToken: declarationsToken(declarations),
  };
}

function declarationsToken(declarations: readonly Declaration[]): string {
  return tokenOf(
    [...declarations]
      .map((declaration) => [declaration.Identifier, declaration.ServerToken])
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** Finds the declaration a `declaration/<kind>/<identifier>` endpoint asks for; undefined for a 404. */
export function declarationForEndpoint(
  endpoint: string,
  declarations: readonly Declaration[],
): Declaration | undefined {
  const match = /^declaration\/(activation|configuration|asset|management)\/(.+)$/.exec(endpoint);
  if (!match) return undefined;
  return declarations.find((declaration) => kindOf(declaration) === match[1] && declaration.Identifier === match[2]);
}
