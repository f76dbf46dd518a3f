import { isIpLiteral } from '../policies/domain-names';
import type { DnsAction, DnsEntry } from './dns-triggers';

export type DnsExportFormat = 'rpz' | 'unbound';

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

  /**
   * One trigger per name. RPZ says the name and the names under it apart; an Unbound zone covers
   * both, so it takes the decision of the names under it (the wider set) and says in a comment
   * when the name itself is decided otherwise.
   */
  entry({ base, apex, subdomains }: DnsEntry): string {
    if (this.format === 'rpz')
      return `${apex ? `${base} CNAME ${rpzTarget(apex)}\n` : ''}${subdomains ? `*.${base} CNAME ${rpzTarget(subdomains)}\n` : ''}`;
    const zone = subdomains ?? apex!;
    const lines =
      zone.kind === 'rewrite'
        ? `  local-zone: "${base}." redirect\n  local-data: "${base}. CNAME ${zone.target}."\n`
        : `  local-zone: "${base}." ${zone.kind === 'block' ? 'always_nxdomain' : 'always_transparent'}\n`;
    const differs = apex && subdomains && !sameAction(apex, subdomains);
    return differs
      ? `  # ${base} lui-même : ${describe(apex)} pour Socle ; Unbound ne sépare pas un nom de ses sous-domaines.\n${lines}`
      : lines;
  }

  /** A name of a blocked category: what it adds to the triggers the policy already holds for it. */
  listed(base: string, explicit: DnsEntry | undefined): string {
    if (this.format === 'unbound') return explicit ? '' : `  local-zone: "${base}." always_nxdomain\n`;
    const block = { kind: 'block' } as const;
    return this.entry({
      base,
      apex: explicit?.apex ? undefined : block,
      subdomains: explicit?.subdomains ? undefined : block,
    });
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

function rpzTarget(action: DnsAction): string {
  return action.kind === 'block' ? '.' : action.kind === 'pass' ? 'rpz-passthru.' : `${action.target}.`;
}

function sameAction(a: DnsAction, b: DnsAction): boolean {
  return a.kind === b.kind && (a.kind !== 'rewrite' || a.target === (b as { target: string }).target);
}

function describe(action: DnsAction): string {
  return action.kind === 'block' ? 'refusé' : action.kind === 'pass' ? 'autorisé' : `redirigé vers ${action.target}`;
}
