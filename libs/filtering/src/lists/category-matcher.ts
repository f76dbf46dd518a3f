import { isIpLiteral } from '../policies/domain-names';
import { DomainTable, DomainTableBuilder } from './domain-table';

/** One listed suffix of a host (or host + path prefix) and the categories listing it. */
export interface CategoryMatch {
  /** The listed entry: `example.fr`, or `example.fr/jeux` for a URL entry. */
  entry: string;
  categories: string[];
}

interface UrlRule {
  path: string;
  set: number;
}

/**
 * The categories of every host of one list version, in memory: a compact hash table from listed
 * domain to a category *set* id (sets are interned: most domains are in exactly one category, and
 * two million domains in sixty categories need a few hundred sets), probed at each label suffix
 * of the host. Immutable once built, so a process swaps a whole new matcher in with one assignment
 * and a lookup never sees half a list.
 */
export class CategoryMatcher {
  constructor(
    readonly versionId: string | null,
    readonly categories: readonly string[],
    private readonly domains: DomainTable,
    private readonly sets: ReadonlyArray<readonly number[]>,
    private readonly urls: ReadonlyMap<string, readonly UrlRule[]>,
  ) {}

  static empty(): CategoryMatcher {
    return new CategoryMatcher(null, [], new DomainTableBuilder().build(), [], new Map());
  }

  get domainCount(): number {
    return this.domains.size;
  }

  /** What the domain table holds outside the JavaScript heap's objects (typed arrays). */
  get tableBytes(): number {
    return this.domains.byteLength;
  }

  categoryId(name: string): number {
    return this.categories.indexOf(name);
  }

  /** Flags indexed by category id, for the hot path. */
  flagsOf(names: Iterable<string>): Uint8Array {
    const flags = new Uint8Array(this.categories.length);
    for (const name of names) {
      const id = this.categoryId(name);
      if (id >= 0) flags[id] = 1;
    }
    return flags;
  }

  /**
   * Hot path: the first category flagged in `blocked` that lists the host or one of its parent
   * domains, longest suffix first; -1 when none does.
   */
  blockedCategoryOf(host: string, blocked: Uint8Array): number {
    if (mayBeIp(host)) return this.blockedInSet(this.domains.get(host), blocked);
    for (let start = 0; ;) {
      const found = this.blockedInSet(this.domains.get(host, start), blocked);
      if (found >= 0) return found;
      const dot = host.indexOf('.', start);
      if (dot < 0) return -1;
      start = dot + 1;
    }
  }

  /** Everything the lists say about a host and path, longest entry first (URL entries before domains). */
  matches(host: string, path = ''): CategoryMatch[] {
    const found: CategoryMatch[] = [];
    const suffixes = mayBeIp(host) ? [host] : suffixesOf(host);
    for (const suffix of suffixes) {
      for (const rule of this.urls.get(suffix) ?? []) {
        if (pathCovers(rule.path, path))
          found.push({ entry: `${suffix}${rule.path}`, categories: this.namesOf(rule.set) });
      }
      const set = this.domains.get(suffix);
      if (set >= 0) found.push({ entry: suffix, categories: this.namesOf(set) });
    }
    return found;
  }

  private blockedInSet(set: number, blocked: Uint8Array): number {
    if (set < 0) return -1;
    const members = this.sets[set];
    for (let index = 0; index < members.length; index++) if (blocked[members[index]]) return members[index];
    return -1;
  }

  private namesOf(set: number): string[] {
    return this.sets[set].map((id) => this.categories[id]);
  }
}

/** Host names end with a letter (their TLD): only a digit or a colon at the end calls for the slower IP test. */
function mayBeIp(host: string): boolean {
  const last = host.charCodeAt(host.length - 1);
  return ((last >= 48 && last <= 57) || host.includes(':')) && isIpLiteral(host);
}

/** Whole path segments only: `/jeux` covers `/jeux` and `/jeux/echecs`, not `/jeuxvideo`. */
function pathCovers(prefix: string, path: string): boolean {
  return path === prefix || (path.startsWith(prefix) && path.charCodeAt(prefix.length) === 47); /* / */
}

function suffixesOf(host: string): string[] {
  const suffixes = [host];
  for (let dot = host.indexOf('.'); dot >= 0; dot = host.indexOf('.', dot + 1)) suffixes.push(host.slice(dot + 1));
  return suffixes;
}

/** Collects entries (in any order, duplicates welcome) and builds the immutable matcher. */
export class CategoryMatcherBuilder {
  private readonly categoryIds = new Map<string, number>();
  private readonly categories: string[] = [];
  private readonly domains = new DomainTableBuilder();
  private adding = 0;
  /** One function for every insertion: merges the category being added into the domain's set. */
  private readonly mergeAdding = (current: number) =>
    current < 0 ? this.single(this.adding) : this.union(current, this.adding);
  private readonly urls = new Map<string, UrlRule[]>();
  private readonly sets: number[][] = [];
  private readonly setIds = new Map<string, number>();
  private readonly singles: number[] = [];

  constructor(private readonly versionId: string | null = null) {}

  /** Category ids are their order of first appearance. */
  category(name: string): number {
    let id = this.categoryIds.get(name);
    if (id === undefined) {
      id = this.categories.length;
      this.categoryIds.set(name, id);
      this.categories.push(name);
    }
    return id;
  }

  addDomain(category: number, domain: string): void {
    this.adding = category;
    this.domains.upsert(domain, this.mergeAdding);
  }

  addUrl(category: number, host: string, path: string): void {
    if (!path) return this.addDomain(category, host);
    const rules = this.urls.get(host) ?? [];
    const same = rules.find((rule) => rule.path === path);
    if (same) same.set = this.union(same.set, category);
    else rules.push({ path, set: this.single(category) });
    this.urls.set(host, rules);
  }

  build(): CategoryMatcher {
    return new CategoryMatcher(this.versionId, this.categories, this.domains.build(), this.sets, this.urls);
  }

  private single(category: number): number {
    return (this.singles[category] ??= this.intern([category]));
  }

  private union(set: number, category: number): number {
    const members = this.sets[set];
    return members.includes(category) ? set : this.intern([...members, category].sort((a, b) => a - b));
  }

  /** Sets are shared: two million domains in sixty categories need only a few hundred distinct sets. */
  private intern(members: number[]): number {
    const key = members.join(',');
    let id = this.setIds.get(key);
    if (id === undefined) {
      id = this.sets.length;
      this.sets.push(members);
      this.setIds.set(key, id);
    }
    return id;
  }
}
