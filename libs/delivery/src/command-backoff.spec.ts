import { notNowDelaySeconds } from './command-backoff';

describe('notNowDelaySeconds', () => {
  it('doubles from 30 s and stops at an hour', () => {
    expect([1, 2, 3, 4].map(notNowDelaySeconds)).toEqual([30, 60, 120, 240]);
    expect(notNowDelaySeconds(20)).toBe(3600);
  });
});
