import type { EffectivePolicy, RuleSource } from './effective-policy';

/** A search engine's host that safe search sends to the engine's documented "safe" name. */
export interface SafeSearchRewrite {
  host: string;
  target: string;
  /** The level that turned this engine's safe search on (null: Socle's default). */
  source: RuleSource | null;
}

const GOOGLE_HOSTS = ['www.google.com', 'www.google.fr'];
const YOUTUBE_HOSTS = [
  'www.youtube.com',
  'm.youtube.com',
  'youtubei.googleapis.com',
  'youtube.googleapis.com',
  'www.youtube-nocookie.com',
];

/**
 * The engines' documented names (`forcesafesearch.google.com`, `strict.bing.com`,
 * `restrict.youtube.com`): what a resolver answers instead of the engine's own host. Exact hosts
 * only: the rewrite never covers their subdomains.
 */
export function safeSearchRewrites(policy: EffectivePolicy): SafeSearchRewrite[] {
  const { google, bing, youtube } = policy.safeSearch;
  const rewrites: SafeSearchRewrite[] = [];
  if (google.value)
    for (const host of GOOGLE_HOSTS)
      rewrites.push({ host, target: 'forcesafesearch.google.com', source: google.source });
  if (bing.value) rewrites.push({ host: 'www.bing.com', target: 'strict.bing.com', source: bing.source });
  if (youtube.value !== 'off') {
    const target = youtube.value === 'strict' ? 'restrict.youtube.com' : 'restrictmoderate.youtube.com';
    for (const host of YOUTUBE_HOSTS) rewrites.push({ host, target, source: youtube.source });
  }
  return rewrites;
}

export function safeSearchRewriteOf(policy: EffectivePolicy, host: string): SafeSearchRewrite | undefined {
  return safeSearchRewrites(policy).find((rewrite) => rewrite.host === host);
}
