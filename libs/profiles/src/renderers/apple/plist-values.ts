import type { PlistObject, PlistValue } from 'plist';

/** XML 1.0 forbids most control characters; one pasted into a title would make the whole profile unparsable. */
const NOT_XML_CHARACTER = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function plistText(value: string): string {
  return value.replace(NOT_XML_CHARACTER, '');
}

/** The plist builder writes a dangling <key> for an undefined value, which devices reject. */
export function definedOnly(entries: Record<string, PlistValue | undefined>): PlistObject {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as PlistObject;
}
