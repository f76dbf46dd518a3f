/**
 * OS versions as devices report them: "17.4.1", "14", "10.0.22631.3296", "120.0.6099.235",
 * "iPadOS 18.1 (22B83)". Compared number by number ("17.10" is newer than "17.9"; "17" equals
 * "17.0"); text around the first dotted number is ignored. Null when there is no number at all.
 */
export function parseOsVersion(raw: string | null | undefined): number[] | null {
  const match = /\d+(?:\.\d+)*/.exec(raw ?? '');
  return match ? match[0].split('.').map((part) => Number(part)) : null;
}

/** Negative, zero or positive, like a sort comparator; missing trailing parts count as 0. */
export function compareOsVersions(a: readonly number[], b: readonly number[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}
