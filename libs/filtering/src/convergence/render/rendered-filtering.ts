import type { OsFamily } from '@socle/fleet';
import type { EffectivePolicy } from '../../policies/effective-policy';

/** Bump when a renderer changes what devices receive: every device gets its filtering again. */
export const FILTERING_FORMAT_VERSION = 1;

export interface FilteringRenderContext {
  collectivite: { id: string; name: string };
  /** What is filtered: "Pack CP-CE1 (École Jules Ferry)". */
  label: string;
  revision: string;
  policy: EffectivePolicy;
}

/** What one device of an OS family receives for its filtering, as the install_filtering payload carries it. */
export interface RenderedFiltering {
  osFamily: OsFamily;
  revision: string;
  contentType: string;
  fileName: string;
  /** In French, for the technician: what the platform could not express and what stands in for it. */
  warnings: string[];
  encoding: 'base64' | 'json';
  body: string | object;
}

/** The kids' search engine, where a platform lets Socle choose the default one. */
export const QWANT_JUNIOR = {
  name: 'Qwant Junior',
  homepage: 'https://www.qwantjunior.com/',
  searchUrl: 'https://www.qwantjunior.com/?q={searchTerms}',
};
