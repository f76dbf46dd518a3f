import { AppleKey, AppleOs } from './apple-schema-files';

export interface AppleKeyProblem {
  path: string;
  message: string;
}

export interface AppleKeysOptions {
  /** Keys Apple marks `introduced: n/a` on this OS are flagged when present and not required when absent. */
  os?: AppleOs;
  /** What a device sends may carry keys newer than the schemas: accepted when reading, refused when emitting. */
  allowUnknownKeys?: boolean;
  /**
   * Replaces the schema's required keys at the top level. Check-in schemas mark both UDID and
   * EnrollmentID required because they describe device and user enrollment at once; a reader of
   * device-channel messages says which it needs.
   */
  topLevelRequired?: readonly string[];
}

type Dictionary = Record<string, unknown>;

/**
 * Checks a dictionary against a list of Apple schema keys: known keys, types, rangelists, ranges,
 * formats, repetition, required keys, nested dictionaries, and arrays whose items may be one of several
 * shapes (Settings' items). The same rules as libs/profiles' profile validator, for the key lists of
 * commands, check-in messages and declarations, which are not payloads of a profile.
 */
export function validateAppleKeys(
  value: unknown,
  keys: readonly AppleKey[],
  options: AppleKeysOptions = {},
  path = '',
): AppleKeyProblem[] {
  const problems: AppleKeyProblem[] = [];
  if (!isDictionary(value)) return [{ path, message: `expected <dictionary>, got ${describe(value)}` }];
  const checker = new Checker(options, problems);
  if (!options.topLevelRequired) checker.dictionary(value, keys, path);
  else {
    const required = new Set(options.topLevelRequired);
    const adjusted = keys.map(
      (key) => ({ ...key, presence: required.has(key.key) ? 'required' : 'optional' }) as AppleKey,
    );
    checker.dictionary(value, adjusted, path);
    for (const name of required)
      if (!adjusted.some((key) => key.key === name) && !(name in value))
        problems.push({ path: path ? `${path}.${name}` : name, message: 'required key missing' });
  }
  return problems;
}

class Checker {
  constructor(
    private readonly options: AppleKeysOptions,
    private readonly problems: AppleKeyProblem[],
  ) {}

  dictionary(value: Dictionary, keys: readonly AppleKey[], path: string): void {
    const wildcard = keys.find((key) => key.key === 'ANY');
    const byName = new Map(keys.filter((key) => key.key !== 'ANY').map((key) => [key.key, key]));
    for (const [name, child] of Object.entries(value)) {
      const definition = byName.get(name) ?? wildcard;
      if (!definition) {
        if (!this.options.allowUnknownKeys) this.report(join(path, name), 'unknown key');
      } else this.value(child, definition, join(path, name));
    }
    for (const key of byName.values()) {
      if (key.presence === 'required' && !(key.key in value) && !this.unavailable(key))
        this.report(join(path, key.key), 'required key missing');
    }
  }

  private value(value: unknown, key: AppleKey, path: string): void {
    if (!hasType(value, key.type)) return this.report(path, `expected ${key.type}, got ${describe(value)}`);
    if (this.unavailable(key)) this.report(path, `not available on ${this.options.os}`);
    const rangelist = key.rangelist;
    for (const candidate of Array.isArray(value) ? value : [value]) {
      if (rangelist && !rangelist.some((allowed) => allowed === candidate))
        this.report(path, `${JSON.stringify(candidate)} is not one of ${JSON.stringify(rangelist)}`);
    }
    if (typeof value === 'number' && key.range) {
      const { min, max } = key.range;
      if ((min !== undefined && value < min) || (max !== undefined && value > max))
        this.report(path, `${value} is outside [${min ?? '-∞'}, ${max ?? '+∞'}]`);
    }
    if (typeof value === 'string' && key.format && !matches(value, key.format))
      this.report(path, `does not match ${key.format}`);
    // A string with subkeys is a name from that list (DeviceInformation's Queries).
    if (typeof value === 'string' && key.subkeys?.length) {
      const named = key.subkeys.find((subkey) => subkey.key === value);
      if (!named) this.report(path, `${JSON.stringify(value)} is not a documented name`);
      else if (this.unavailable(named)) this.report(path, `${value} is not available on ${this.options.os}`);
    }
    if (Array.isArray(value)) this.array(value, key, path);
    if (isDictionary(value) && key.subkeys?.length) this.dictionary(value, key.subkeys, path);
  }

  private array(value: unknown[], key: AppleKey, path: string): void {
    const { min, max } = key.repetition ?? {};
    if (min !== undefined && value.length < min) this.report(path, `at least ${min} item(s) expected`);
    if (max !== undefined && value.length > max) this.report(path, `at most ${max} item(s) expected`);
    const shapes = key.subkeys ?? [];
    value.forEach((element, index) => {
      const itemPath = `${path}[${index}]`;
      if (shapes.length <= 1) {
        if (shapes[0]) this.value(element, shapes[0], itemPath);
        return;
      }
      // Several shapes: the item must fit one of them; otherwise report against the closest.
      const attempts = shapes.map((shape) => {
        const problems: AppleKeyProblem[] = [];
        new Checker(this.options, problems).value(element, shape, itemPath);
        return problems;
      });
      const best = attempts.reduce((a, b) => (b.length < a.length ? b : a));
      this.problems.push(...best);
    });
  }

  private unavailable(key: AppleKey): boolean {
    const os = this.options.os && key.supportedOS?.[this.options.os];
    return !!os && (os.introduced === 'n/a' || os.removed !== undefined);
  }

  private report(path: string, message: string): void {
    this.problems.push({ path, message });
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

export function isDictionary(value: unknown): value is Dictionary {
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
