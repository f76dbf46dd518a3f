import { isIP } from 'node:net';
import { domainToASCII } from 'node:url';

/** Letters, digits, hyphens, and the underscores real-world lists and CDNs use; no hyphen at either end. */
const LABEL = /^[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?$/;
const MAX_HOST_LENGTH = 253;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** What a URL is matched on: its host (lower-case ASCII, no port, no trailing dot) and its lower-case path. */
export interface ParsedTarget {
  host: string;
  path: string;
  /** IP literals are matched exactly, never by suffix (1.2.3.4 is not "under" 2.3.4). */
  isIp: boolean;
}

/**
 * A host as typed by a person or found in a list: IDN → punycode, upper-case and trailing dots
 * normalised, IPv6 brackets removed. Null when it is not a host name or an IP address.
 */
export function normalizeHost(raw: string): string | null {
  let host = raw.trim().replace(/\.+$/, '');
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  if (!host) return null;
  if (isIP(host) === 4) return host;
  if (isIP(host) === 6) return canonicalIpv6(host);
  const ascii = domainToASCII(host.toLowerCase());
  if (!ascii || ascii.length > MAX_HOST_LENGTH) return null;
  return ascii.split('.').every((label) => LABEL.test(label)) ? ascii : null;
}

export function isIpLiteral(host: string): boolean {
  return isIP(host) !== 0;
}

/**
 * A policy's extra domain: `example.fr` (the host and every subdomain), `*.example.fr` (subdomains
 * only) or an IP address. A bare name needs two labels, so a typo cannot block a whole TLD; `*.xxx` can.
 */
export function normalizeDomainRule(raw: string): string | null {
  const text = raw.trim();
  const wildcard = text.startsWith('*.');
  const host = normalizeHost(wildcard ? text.slice(2) : text);
  if (!host) return null;
  if (isIpLiteral(host)) return wildcard ? null : host;
  if (!wildcard && !host.includes('.')) return null;
  return wildcard ? `*.${host}` : host;
}

/**
 * A line of a UT1 `domains` file: `.example.fr` and `*.example.fr` mean the same as `example.fr`
 * there. A single label is junk in a list (it would block a whole TLD), IP addresses are kept.
 */
export function normalizeListDomain(raw: string): string | null {
  const host = normalizeHost(raw.replace(/^\*?\./, ''));
  return host && (host.includes('.') || isIpLiteral(host)) ? host : null;
}

/** A line of a UT1 `urls` file (`host/path`): the host and the path prefix, or a plain domain when there is no path. */
export function normalizeListUrl(raw: string): { host: string; path: string } | null {
  const text = raw.replace(SCHEME, '');
  const slash = text.indexOf('/');
  const host = normalizeListDomain(slash < 0 ? text : text.slice(0, slash));
  if (!host) return null;
  const path = slash < 0 ? '' : normalizePath(text.slice(slash));
  return { host, path };
}

/**
 * A URL to check, with or without a scheme: the WHATWG parser lower-cases, punycodes, strips
 * ports and credentials and canonicalises IPv4 forms (0x7f.1 → 127.0.0.1); we drop trailing dots.
 */
export function parseTarget(input: string): ParsedTarget | null {
  const text = input.trim();
  if (!text || text.length > 4096) return null;
  let url: URL;
  try {
    url = new URL(SCHEME.test(text) ? text : `http://${text}`);
  } catch {
    return null;
  }
  const host = normalizeHost(url.hostname);
  if (!host) return null;
  return { host, path: normalizePath(url.pathname), isIp: isIpLiteral(host) };
}

/** Paths are compared lower-case, without a trailing slash, so `/Jeux/` and `/jeux` are one entry. */
function normalizePath(path: string): string {
  const lower = path.toLowerCase().replace(/[?#].*$/, '');
  return lower.length > 1 ? lower.replace(/\/+$/, '') : '';
}

function canonicalIpv6(host: string): string | null {
  try {
    return new URL(`http://[${host}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}

/** Every suffix of a host a list may name, longest first: a.b.fr, b.fr, fr. An IP address is only itself. */
export function hostSuffixes(host: string): string[] {
  if (isIpLiteral(host)) return [host];
  const suffixes = [host];
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) suffixes.push(host.slice(dot + 1));
  return suffixes;
}
