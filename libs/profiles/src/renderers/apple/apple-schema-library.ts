import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** One entry of `payloadkeys` / `subkeys` in Apple's device-management YAML (docs/schema.md of that repository). */
export interface AppleSchemaKey {
  key: string;
  type: string;
  presence?: 'required' | 'optional';
  rangelist?: unknown[];
  range?: { min?: number; max?: number };
  format?: string;
  repetition?: { min?: number; max?: number };
  supportedOS?: Record<string, { introduced?: string; removed?: string } | undefined>;
  subkeys?: AppleSchemaKey[];
}

export interface ApplePayloadSchema {
  payloadType: string;
  supportedOS?: AppleSchemaKey['supportedOS'];
  keys: AppleSchemaKey[];
}

interface SchemaFile {
  payload?: { payloadtype?: string; supportedOS?: AppleSchemaKey['supportedOS'] };
  payloadkeys?: AppleSchemaKey[];
}

/** Reads Apple's schemas lazily and once per folder: a test run validates dozens of profiles against the same few files. */
export class AppleSchemaLibrary {
  private static readonly byFolder = new Map<string, AppleSchemaLibrary>();
  private readonly cache = new Map<string, ApplePayloadSchema | undefined>();

  private constructor(private readonly profilesDir: string) {}

  /** Accepts the repository root (`…/apple-device-management`) or its `mdm/profiles` folder. */
  static open(specsDir: string): AppleSchemaLibrary {
    const profilesDir = [join(specsDir, 'mdm', 'profiles'), join(specsDir, 'profiles'), specsDir].find((dir) =>
      existsSync(join(dir, 'TopLevel.yaml')),
    );
    if (!profilesDir) throw new Error(`No Apple profile schemas (TopLevel.yaml) under ${specsDir}`);
    let library = AppleSchemaLibrary.byFolder.get(profilesDir);
    if (!library) {
      library = new AppleSchemaLibrary(profilesDir);
      AppleSchemaLibrary.byFolder.set(profilesDir, library);
    }
    return library;
  }

  topLevel(): ApplePayloadSchema {
    return this.required('TopLevel');
  }

  commonPayloadKeys(): AppleSchemaKey[] {
    return this.required('CommonPayloadKeys').keys;
  }

  /** Undefined for a payload type Apple does not describe. */
  payload(payloadType: string): ApplePayloadSchema | undefined {
    if (!this.cache.has(payloadType)) this.cache.set(payloadType, this.load(payloadType));
    return this.cache.get(payloadType);
  }

  private required(name: string): ApplePayloadSchema {
    const schema = this.payload(name);
    if (!schema) throw new Error(`${name}.yaml missing from ${this.profilesDir}`);
    return schema;
  }

  private load(payloadType: string): ApplePayloadSchema | undefined {
    if (!/^[\w.()-]+$/.test(payloadType)) return undefined;
    const file = join(this.profilesDir, `${payloadType}.yaml`);
    if (!existsSync(file)) return undefined;
    const parsed = parse(readFileSync(file, 'utf8')) as SchemaFile;
    if (parsed.payload?.payloadtype !== payloadType) return undefined;
    return { payloadType, supportedOS: parsed.payload.supportedOS, keys: parsed.payloadkeys ?? [] };
  }
}
