import { loginDelaySeconds } from './login-limiter';

describe('login delay', () => {
  it('is free up to the allowance, then doubles at each failure', () => {
    expect([4, 5, 6, 7, 8].map((failures) => loginDelaySeconds(failures, 5, 900))).toEqual([0, 1, 2, 4, 8]);
  });

  it('is capped, so the owner of a targeted account waits minutes, never forever', () => {
    expect(loginDelaySeconds(5000, 5, 900)).toBe(900);
  });
});
