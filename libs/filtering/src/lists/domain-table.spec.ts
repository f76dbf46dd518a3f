import { DomainTableBuilder } from './domain-table';

describe('DomainTable', () => {
  it('finds every domain after many growths, at any suffix of a host, and nothing else', () => {
    const builder = new DomainTableBuilder();
    const count = 50_000;
    for (let index = 0; index < count; index++) builder.upsert(`site-${index}.example`, () => index % 7);
    builder.upsert('site-42.example', (current) => current + 100);
    const table = builder.build();
    expect(table.size).toBe(count);
    for (const index of [0, 1, 4095, 4096, 30_000, count - 1])
      expect(table.get(`site-${index}.example`)).toBe(index % 7);
    expect(table.get('site-43.example')).toBe(43 % 7);
    expect(table.get('site-42.example')).toBe(100 + (42 % 7));
    const host = 'a.b.site-9.example';
    expect(table.get(host, host.indexOf('site'))).toBe(9 % 7);
    expect(table.get(host, 0)).toBe(-1);
    expect(table.get('site-50000.example')).toBe(-1);
    expect(table.get('ite-9.example')).toBe(-1);
    expect(table.byteLength).toBeLessThan(count * 40);
  });
});
