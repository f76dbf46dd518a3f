import { AppleSchemaKey, AppleSchemaLibrary } from './apple-schema-library';

export interface AppleSchemaProblem {
  /** Where, e.g. `PayloadContent[2](com.apple.wifi.managed).EAPClientConfiguration.AcceptEAPTypes[0]`. */
  path: string;
  message: string;
}

export interface AppleSchemaOptions {
  /** Also flag keys Apple marks as unavailable (`introduced: n/a`) or removed on that OS. */
  os?: 'iOS' | 'macOS' | 'tvOS' | 'visionOS' | 'watchOS';
}

type Dictionary = Record<string, unknown>;

/**
 * Checks a configuration profile (the plist as an object) against Apple's published schemas:
 * known keys, value types, allowed values, required keys, nested dictionaries and arrays.
 * An empty list means every key we emit is one Apple documents, in the shape it documents.
 */
export function validateAppleProfile(
  profile: unknown,
  specsDir: string,
  options: AppleSchemaOptions = {},
): AppleSchemaProblem[] {
  const library = AppleSchemaLibrary.open(specsDir);
  const validator = new Validator(options);
  if (!isDictionary(profile)) return [{ path: '', message: 'the profile is not a dictionary' }];
  const topLevel = library.topLevel().keys.filter((key) => key.key !== 'PayloadContent');
  validator.dictionary(profile, topLevel, '', ['PayloadContent']);
  const payloads = profile.PayloadContent;
  if (payloads === undefined) validator.report('PayloadContent', 'required key missing');
  else if (!Array.isArray(payloads)) validator.report('PayloadContent', 'expected <array>');
  else payloads.forEach((payload, index) => validator.payload(payload, library, `PayloadContent[${index}]`));
  return validator.problems;
}

class Validator {
  readonly problems: AppleSchemaProblem[] = [];

  constructor(private readonly options: AppleSchemaOptions) {}

  report(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  payload(payload: unknown, library: AppleSchemaLibrary, path: string): void {
    if (!isDictionary(payload)) return this.report(path, 'expected a payload <dictionary>');
    const type = payload.PayloadType;
    if (typeof type !== 'string') return this.report(`${path}.PayloadType`, 'required key missing');
    const schema = library.payload(type);
    if (!schema) return this.report(path, `payload type ${type} is not described by Apple's schemas`);
    if (this.unavailable(schema.supportedOS)) this.report(path, `${type} is not available on ${this.options.os}`);
    const specific = new Set(schema.keys.map((key) => key.key));
    const keys = [...library.commonPayloadKeys().filter((key) => !specific.has(key.key)), ...schema.keys];
    this.dictionary(payload, keys, `${path}(${type})`);
  }

  dictionary(value: Dictionary, keys: AppleSchemaKey[], path: string, handledElsewhere: string[] = []): void {
    const wildcard = keys.find((key) => key.key === 'ANY');
    const byName = new Map(keys.filter((key) => key.key !== 'ANY').map((key) => [key.key, key]));
    for (const [name, child] of Object.entries(value)) {
      if (handledElsewhere.includes(name)) continue;
      const definition = byName.get(name) ?? wildcard;
      if (!definition) this.report(join(path, name), 'unknown key');
      else this.value(child, definition, join(path, name));
    }
    for (const key of byName.values()) {
      if (key.presence === 'required' && !(key.key in value)) this.report(join(path, key.key), 'required key missing');
    }
  }

  private value(value: unknown, key: AppleSchemaKey, path: string): void {
    if (!hasType(value, key.type)) return this.report(path, `expected ${key.type}, got ${describe(value)}`);
    if (this.unavailable(key.supportedOS)) this.report(path, `not available on ${this.options.os}`);
    const rangelist = key.rangelist;
    const outOfRange = (candidate: unknown) => rangelist && !rangelist.some((allowed) => allowed === candidate);
    for (const candidate of Array.isArray(value) ? value : [value]) {
      if (outOfRange(candidate))
        this.report(path, `${JSON.stringify(candidate)} is not one of ${JSON.stringify(rangelist)}`);
    }
    if (typeof value === 'number' && key.range) this.range(value, key.range, path);
    if (typeof value === 'string' && key.format && !matches(value, key.format))
      this.report(path, `does not match ${key.format}`);
    if (Array.isArray(value)) this.array(value, key, path);
    if (isDictionary(value) && key.subkeys?.length) this.dictionary(value, key.subkeys, path);
  }

  private array(value: unknown[], key: AppleSchemaKey, path: string): void {
    const { min, max } = key.repetition ?? {};
    if (min !== undefined && value.length < min) this.report(path, `at least ${min} item(s) expected`);
    if (max !== undefined && value.length > max) this.report(path, `at most ${max} item(s) expected`);
    const item = key.subkeys?.[0];
    if (item) value.forEach((element, index) => this.value(element, item, `${path}[${index}]`));
  }

  private range(value: number, range: NonNullable<AppleSchemaKey['range']>, path: string): void {
    if ((range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max)) {
      this.report(path, `${value} is outside [${range.min ?? '-∞'}, ${range.max ?? '+∞'}]`);
    }
  }

  private unavailable(supportedOS: AppleSchemaKey['supportedOS']): boolean {
    const os = this.options.os && supportedOS?.[this.options.os];
    return !!os && (os.introduced === 'n/a' || os.removed !== undefined);
  }
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case '<string>':
      return typeof value === 'string';
    case '<integer>':
      return Number.isInteger(value);
    case '<real>':
      return typeof value === 'number' && Number.isFinite(value);
    case '<boolean>':
      return typeof value === 'boolean';
    case '<date>':
      return value instanceof Date;
    case '<data>':
      return value instanceof Uint8Array;
    case '<array>':
      return Array.isArray(value);
    case '<dictionary>':
      return isDictionary(value);
    case '<any>':
      return value !== undefined && value !== null;
    default:
      return false;
  }
}

function isDictionary(value: unknown): value is Dictionary {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Date) &&
    !(value instanceof Uint8Array)
  );
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return 'a date';
  if (value instanceof Uint8Array) return 'data';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a real';
  return typeof value === 'object' && value !== null ? 'a dictionary' : `${typeof value} ${JSON.stringify(value)}`;
}

/** Apple writes formats as full regular expressions; one JavaScript cannot compile is not ours to judge. */
function matches(value: string, format: string): boolean {
  try {
    return new RegExp(format).test(value);
  } catch {
    return true;
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
