import { normalizeListDomain, normalizeListUrl } from '../policies/domain-names';

export type ParsedLine = { kind: 'domain' | 'url'; value: string } | 'blank' | 'invalid';

/**
 * One line of a list file: blank lines and `#` comments are ignored; the first word is the entry
 * (some lists append notes after a space). A `urls` line without a path is a plain domain.
 */
export function parseListLine(file: 'domains' | 'urls', line: string): ParsedLine {
  const text = line.trim();
  if (!text || text.startsWith('#')) return 'blank';
  const word = text.split(/\s/, 1)[0];
  if (file === 'domains') {
    const domain = normalizeListDomain(word);
    return domain ? { kind: 'domain', value: domain } : 'invalid';
  }
  const url = normalizeListUrl(word);
  if (!url) return 'invalid';
  return url.path ? { kind: 'url', value: `${url.host}${url.path}` } : { kind: 'domain', value: url.host };
}

/** `host/path` back into its parts (the path keeps its leading slash). */
export function splitUrlEntry(value: string): { host: string; path: string } {
  const slash = value.indexOf('/');
  return slash < 0 ? { host: value, path: '' } : { host: value.slice(0, slash), path: value.slice(slash) };
}
