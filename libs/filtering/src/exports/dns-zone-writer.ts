import { isIpLiteral } from '../policies/domain-names';
import type { EffectivePolicy } from '../policies/effective-policy';

export type DnsExportFormat = 'rpz' | 'unbound';

/** The search engines' documented "safe" names a resolver can point their hosts to. */
export function safeSearchRedirects(policy: EffectivePolicy): Array<{ host: string; target: string }> {
  const redirects: Array<{ host: string; target: string }> = [];
  if (policy.safeSearch.google.value) {
    for (const host of ['www.google.com', 'www.google.fr'])
      redirects.push({ host, target: 'forcesafesearch.google.com' });
  }
  if (policy.safeSearch.bing.value) redirects.push({ host: 'www.bing.com', target: 'strict.bing.com' });
  const youtube = policy.safeSearch.youtube.value;
  if (youtube !== 'off') {
    const target = youtube === 'strict' ? 'restrict.youtube.com' : 'restrictmoderate.youtube.com';
    for (const host of [
      'www.youtube.com',
      'm.youtube.com',
      'youtubei.googleapis.com',
      'youtube.googleapis.com',
      'www.youtube-nocookie.com',
    ])
      redirects.push({ host, target });
  }
  return redirects;
}

/**
 * Lines of a resolver policy, one writer per format. RPZ (BIND, Knot Resolver, PowerDNS Recursor):
 * names relative to the zone's origin, `CNAME .` = NXDOMAIN, `CNAME rpz-passthru.` = let through,
 * the most specific trigger wins. Unbound: `local-zone` entries, the most specific zone wins and a
 * zone covers its subdomains.
 */
export class DnsZoneWriter {
  constructor(readonly format: DnsExportFormat) {}

  header(lines: string[], serial: number): string {
    const comment = this.format === 'rpz' ? ';' : '#';
    const body = lines.map((line) => `${comment} ${line}`.trimEnd()).join('\n');
    if (this.format === 'unbound') return `${body}\nserver:\n`;
    return `${body}\n$TTL 300\n@ IN SOA localhost. hostmaster.localhost. ( ${serial} 3600 600 604800 300 )\n@ IN NS localhost.\n`;
  }

  comment(text: string): string {
    return `${this.format === 'rpz' ? ';' : '  #'} ${text}\n`;
  }

  /** `*.x.fr` blocks the subdomains only in RPZ; Unbound zones cannot leave the apex out (said in a comment). */
  block(domain: string): string {
    const wildcard = domain.startsWith('*.');
    const base = wildcard ? domain.slice(2) : domain;
    if (this.format === 'rpz') return wildcard ? `*.${base} CNAME .\n` : `${base} CNAME .\n*.${base} CNAME .\n`;
    return `  local-zone: "${base}." always_nxdomain\n`;
  }

  pass(domain: string): string {
    const wildcard = domain.startsWith('*.');
    const base = wildcard ? domain.slice(2) : domain;
    if (this.format === 'rpz')
      return wildcard
        ? `*.${base} CNAME rpz-passthru.\n`
        : `${base} CNAME rpz-passthru.\n*.${base} CNAME rpz-passthru.\n`;
    return `  local-zone: "${base}." always_transparent\n`;
  }

  redirect(host: string, target: string): string {
    if (this.format === 'rpz') return `${host} CNAME ${target}.\n`;
    return `  local-zone: "${host}." redirect\n  local-data: "${host}. CNAME ${target}."\n`;
  }

  /** Allow-list mode: everything else answers NXDOMAIN. */
  blockEverything(): string {
    return this.format === 'rpz' ? '* CNAME .\n' : '  local-zone: "." always_nxdomain\n';
  }

  /** DNS sees names, not URLs nor (in a local-zone) addresses. */
  expressible(value: string): boolean {
    return !isIpLiteral(value);
  }
}
