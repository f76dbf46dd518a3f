import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';

export type AppleOs = 'iOS' | 'macOS' | 'tvOS' | 'visionOS' | 'watchOS';
type SupportedOs = Partial<Record<AppleOs, { introduced?: string; removed?: string } | undefined>>;

/** One key of Apple's device-management YAML (`docs/schema.md` of apple/device-management). */
export interface AppleKey {
  key: string;
  type: string;
  presence?: 'required' | 'optional';
  rangelist?: unknown[];
  range?: { min?: number; max?: number };
  format?: string;
  repetition?: { min?: number; max?: number };
  supportedOS?: SupportedOs;
  subkeys?: AppleKey[];
}

/** One schema file: a command, a check-in message, a declaration, a protocol message or a status item. */
export interface AppleSchema {
  file: string;
  /** requesttype, declarationtype or statusitemtype. */
  name: string;
  supportedOS?: SupportedOs;
  keys: AppleKey[];
  responseKeys?: AppleKey[];
}

interface SchemaFile {
  payload?: { requesttype?: string; declarationtype?: string; statusitemtype?: string; supportedOS?: SupportedOs };
  payloadkeys?: AppleKey[];
  responsekeys?: AppleKey[];
}

export type AppleSchemaFolder =
  | 'mdm/commands'
  | 'mdm/checkin'
  | 'mdm/errors'
  | 'declarative/protocol'
  | 'declarative/status'
  | 'declarative/declarations';

/**
 * Apple's MDM and declarative schemas, indexed by the name each file declares (not its file name:
 * `device.lock.yaml` declares `DeviceLock`). Read once per folder and process.
 */
export class AppleSchemaFiles {
  private static readonly opened = new Map<string, AppleSchemaFiles>();
  private readonly folders = new Map<AppleSchemaFolder, Map<string, AppleSchema>>();

  private constructor(readonly specsDir: string) {}

  static open(specsDir: string): AppleSchemaFiles {
    if (!existsSync(join(specsDir, 'mdm', 'commands')))
      throw new Error(`No Apple device-management schemas (mdm/commands) under ${specsDir}`);
    let files = AppleSchemaFiles.opened.get(specsDir);
    if (!files) {
      files = new AppleSchemaFiles(specsDir);
      AppleSchemaFiles.opened.set(specsDir, files);
    }
    return files;
  }

  get(folder: AppleSchemaFolder, name: string): AppleSchema | undefined {
    return this.folder(folder).get(name);
  }

  required(folder: AppleSchemaFolder, name: string): AppleSchema {
    const schema = this.get(folder, name);
    if (!schema) throw new Error(`${name} is not described in ${folder} of Apple's schemas`);
    return schema;
  }

  names(folder: AppleSchemaFolder): string[] {
    return [...this.folder(folder).keys()];
  }

  private folder(folder: AppleSchemaFolder): Map<string, AppleSchema> {
    let index = this.folders.get(folder);
    if (!index) {
      index = new Map();
      for (const file of yamlFiles(join(this.specsDir, folder))) {
        const parsed = parse(readFileSync(file, 'utf8')) as SchemaFile;
        // Error documents declare no type: they go by file name (`unrecognized.device`).
        const name =
          parsed.payload?.requesttype ??
          parsed.payload?.declarationtype ??
          parsed.payload?.statusitemtype ??
          (folder === 'mdm/errors' ? basename(file, '.yaml') : undefined);
        if (!name) continue;
        index.set(name, {
          file,
          name,
          supportedOS: parsed.payload?.supportedOS,
          keys: parsed.payloadkeys ?? [],
          responseKeys: parsed.responsekeys,
        });
      }
      this.folders.set(folder, index);
    }
    return index;
  }
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return entry.endsWith('.yaml') ? [path] : [];
  });
}
