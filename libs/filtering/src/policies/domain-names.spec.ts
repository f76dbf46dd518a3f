import { hostSuffixes, normalizeDomainRule, normalizeHost, normalizeListUrl, parseTarget } from './domain-names';

describe('host names as people and lists write them', () => {
  it.each([
    ['Example.FR.', 'example.fr'],
    ['école.fr', 'xn--cole-9oa.fr'],
    ['[::FFFF:1.2.3.4]', '::ffff:102:304'],
    ['192.168.0.1.', '192.168.0.1'],
    ['a_b.cdn.fr', 'a_b.cdn.fr'],
  ])('normalises %s to %s', (raw, expected) => expect(normalizeHost(raw)).toBe(expected));

  it.each(['', 'bad..fr', '-a.fr', 'a-.fr', 'exa mple.fr', 'x'.repeat(64) + '.fr', '*.fr'])('refuses %j', (raw) =>
    expect(normalizeHost(raw)).toBeNull(),
  );

  it('accepts wildcard and IP rules but not a bare TLD or a wildcard IP', () => {
    expect(normalizeDomainRule('*.École.fr')).toBe('*.xn--cole-9oa.fr');
    expect(normalizeDomainRule('*.xxx')).toBe('*.xxx');
    expect(normalizeDomainRule('10.0.0.1')).toBe('10.0.0.1');
    expect(normalizeDomainRule('fr')).toBeNull();
    expect(normalizeDomainRule('*.10.0.0.1')).toBeNull();
    expect(normalizeDomainRule('https://example.fr/x')).toBeNull();
  });

  it('reads url entries as a host and a whole-segment path prefix', () => {
    expect(normalizeListUrl('Jeux.Example.fr/Flash/')).toEqual({ host: 'jeux.example.fr', path: '/flash' });
    expect(normalizeListUrl('http://example.fr/a/b')).toEqual({ host: 'example.fr', path: '/a/b' });
    expect(normalizeListUrl('example.fr')).toEqual({ host: 'example.fr', path: '' });
  });

  it('parses URLs with or without scheme, ports, credentials, IDN, trailing dots and odd IPv4 forms', () => {
    expect(parseTarget('HTTPS://user:pw@WWW.École.FR.:8443/Jeux/?q=1')).toEqual({
      host: 'www.xn--cole-9oa.fr',
      path: '/jeux',
      isIp: false,
    });
    expect(parseTarget('example.fr:80')).toEqual({ host: 'example.fr', path: '', isIp: false });
    expect(parseTarget('http://0x7f.1/')).toEqual({ host: '127.0.0.1', path: '', isIp: true });
    expect(parseTarget('http://[2001:DB8::1]:8080/a')).toEqual({ host: '2001:db8::1', path: '/a', isIp: true });
    expect(parseTarget('http://')).toBeNull();
    expect(parseTarget('http://a..fr/')).toBeNull();
    expect(parseTarget('http://1.10.0.0.7/')).toBeNull();
  });

  it('walks suffixes longest first, and never splits an IP address', () => {
    expect(hostSuffixes('a.b.example.fr')).toEqual(['a.b.example.fr', 'b.example.fr', 'example.fr', 'fr']);
    expect(hostSuffixes('10.1.2.3')).toEqual(['10.1.2.3']);
  });
});
