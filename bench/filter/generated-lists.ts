export interface Rate {
  label: string;
  perSecond: number;
}

export const BAR_WIDTH = 50;
const TLDS = ['fr', 'com', 'net', 'org', 'eu', 'info', 'de', 'be'];
const WORDS = ['casino', 'jeux', 'video', 'news', 'shop', 'blog', 'media', 'promo', 'chat', 'photo', 'music', 'sport'];

/** Deterministic: the same index always gives the same domain, so lists can be generated twice without being kept. */
export function domainOf(index: number): string {
  const hash = mix(index);
  const word = WORDS[hash % WORDS.length];
  const tld = TLDS[(hash >>> 8) % TLDS.length];
  // One in four is a subdomain entry (cdn.x.fr, as lists have them).
  return hash % 4 === 0
    ? `cdn${hash % 10}.${word}-${index.toString(36)}.${tld}`
    : `${word}-${index.toString(36)}.${tld}`;
}

/** Half listed hosts seen through subdomains, half hosts the lists do not know: the mix a school's traffic gives. */
export function queriesOf(count: number, domains: number): string[] {
  const queries: string[] = [];
  for (let index = 0; index < count; index++) {
    const hash = mix(index + 0x9e3779b9);
    const listed = domainOf(hash % domains);
    if (index % 2 === 0) queries.push(index % 4 === 0 ? `www.${listed}` : `a.b.${listed}`);
    else queries.push(`www.unlisted-${hash.toString(36)}.${TLDS[hash % TLDS.length]}`);
  }
  return queries;
}

export function barChart(rates: Rate[], width: number): string {
  const fastest = Math.max(...rates.map((rate) => rate.perSecond));
  const labelWidth = Math.max(...rates.map((rate) => rate.label.length));
  return rates
    .map((rate) => {
      const filled = Math.max(1, Math.round((rate.perSecond / fastest) * width));
      return `${rate.label.padEnd(labelWidth)} |${'#'.repeat(filled).padEnd(width)}| ${Math.round(rate.perSecond).toLocaleString('en').padStart(11)}/s`;
    })
    .join('\n');
}

function mix(value: number): number {
  let x = value | 0;
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  x = Math.imul(x ^ (x >>> 16), 0x45d9f3b);
  return (x ^ (x >>> 16)) >>> 0;
}
