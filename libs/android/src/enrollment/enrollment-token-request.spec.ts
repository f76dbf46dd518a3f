import { enrollmentTokenRequest, packPolicyName, parseEnrollmentTokenData } from './enrollment-token-request';

describe('enrollmentTokenRequest', () => {
  const now = new Date('2026-12-01T10:00:00Z');

  it("binds the token to the pack's policy, mirrors Socle's expiry and forbids personal use", () => {
    expect(
      enrollmentTokenRequest({
        enterpriseName: 'enterprises/LC1',
        packId: 'p-1',
        socleTokenId: 't-1',
        expiresAt: new Date('2026-12-02T10:00:00Z'),
        maxUses: 15,
        now,
      }),
    ).toEqual({
      policyName: 'enterprises/LC1/policies/pack-p-1',
      duration: '86400s',
      oneTimeOnly: false,
      allowPersonalUsage: 'PERSONAL_USAGE_DISALLOWED',
      additionalData: '{"packId":"p-1","socleTokenId":"t-1"}',
    });
  });

  it('is one-time-only for a single use, and never shorter than AMAPI’s minute', () => {
    const token = enrollmentTokenRequest({
      enterpriseName: 'enterprises/LC1',
      packId: 'p',
      expiresAt: new Date(now.getTime() + 5_000),
      maxUses: 1,
      now,
    });
    expect(token).toMatchObject({ oneTimeOnly: true, duration: '60s' });
  });

  it('reads back the pack from Device.enrollmentTokenData, and nothing from foreign data', () => {
    expect(parseEnrollmentTokenData('{"packId":"p-1","socleTokenId":"t-1"}')).toEqual({
      packId: 'p-1',
      socleTokenId: 't-1',
    });
    expect(parseEnrollmentTokenData('{"packId":"p-2"}')).toEqual({ packId: 'p-2', socleTokenId: undefined });
    for (const foreign of [undefined, null, '', 'org-unit-42', '{"packId":3}', '{"other":"x"}']) {
      expect(parseEnrollmentTokenData(foreign)).toBeNull();
    }
    expect(packPolicyName('enterprises/LC1', 'abc')).toBe('enterprises/LC1/policies/pack-abc');
  });
});
