import type { OsFamily } from '@socle/fleet';
import type { SigningCa } from '@socle/pki';

/** What one device of an OS family receives for one profile version. */
export interface RenderedProfile {
  osFamily: OsFamily;
  contentType: string;
  /** A Buffer for Apple (the signed or plain `.mobileconfig`), a JSON-ready object for the others. */
  body: Buffer | object;
  fileName: string;
  /** In French: shown to the technician as is. */
  warnings: string[];
  /** Apple installs apps with InstallApplication commands, not with profile payloads. */
  appleAppInstalls?: AppleAppInstall[];
  /** PDF and EPUB documents, for InstallMedia commands (they land in the Books app). */
  appleMediaInstalls?: AppleMediaInstall[];
}

export interface AppleAppInstall {
  /** Bundle identifier, the InstallApplication `Identifier`. */
  identifier: string;
  /** Goes into the InstallApplication `Configuration` dictionary. */
  managedConfiguration?: Record<string, unknown>;
}

export interface AppleMediaInstall {
  title: string;
  url: string;
  kind: 'pdf' | 'epub';
  /** Reverse-DNS and stable per URL, so re-sending the command updates the book instead of duplicating it. */
  persistentId: string;
  /** InstallMedia cannot check it: kept so the pipeline or the console can. */
  checksum?: string;
}

/** The collectivité CA that signs Apple profiles, with the certificates a device needs to chain it to the root. */
export interface ProfileSigner extends SigningCa {
  chainPems?: string[];
}

export interface RenderOptions {
  signer?: ProfileSigner;
  /** Fixed in tests; otherwise now. */
  signingTime?: Date;
}
