import { identifierToken, nameBasedUuid } from './deterministic-uuid';

describe('name-based UUIDs', () => {
  it('are RFC 9562 version 5 UUIDs, stable for a name and distinct across names', () => {
    const uuid = nameBasedUuid('profile/v1');
    expect(uuid).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-5[0-9A-F]{3}-[89AB][0-9A-F]{3}-[0-9A-F]{12}$/);
    expect(nameBasedUuid('profile/v1')).toBe(uuid);
    expect(nameBasedUuid('profile/v2')).not.toBe(uuid);
  });

  it('turns any text into a short token fit for a reverse-DNS identifier', () => {
    expect(identifierToken('Wi-Fi « école » & co')).toMatch(/^[0-9a-f]{12}$/);
    expect(identifierToken('a')).not.toBe(identifierToken('b'));
  });
});
