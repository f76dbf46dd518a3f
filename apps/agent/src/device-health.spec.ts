import { advanceHealth, HealthState, initialHealth, toHealthReport } from './device-health';

/** A small deterministic generator, so the test sees the same "random" sequence every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const QUARTER_HOUR = 900;

function simulate(
  start: HealthState,
  steps: number,
  random: () => number,
  charging: (step: number) => boolean,
): HealthState[] {
  const states = [start];
  for (let step = 0; step < steps; step++) {
    states.push(advanceHealth({ ...states[step], charging: charging(step) }, QUARTER_HOUR, random));
  }
  return states;
}

describe('device health simulation', () => {
  it('drains the battery off the cart and charges it in the cart', () => {
    const random = seededRandom(1);
    const start = { ...initialHealth('tablet', random), batteryLevel: 60 };
    const drained = advanceHealth({ ...start, charging: false }, QUARTER_HOUR, random);
    const charged = advanceHealth({ ...start, charging: true }, QUARTER_HOUR, random);
    expect(drained.batteryLevel).toBeLessThan(60);
    expect(charged.batteryLevel).toBeGreaterThan(60);
  });

  it('stays within range over a long school year of days in and out of the cart', () => {
    const random = seededRandom(42);
    const states = simulate(initialHealth('laptop', random), 5_000, random, (step) => Math.floor(step / 24) % 2 === 1);
    for (const state of states) {
      const { battery, storage } = toHealthReport(state);
      expect(battery.level).toBeGreaterThanOrEqual(0);
      expect(battery.level).toBeLessThanOrEqual(100);
      expect(battery.health).toBeGreaterThanOrEqual(0);
      expect(battery.health).toBeLessThanOrEqual(100);
      expect(
        Number.isInteger(battery.level) && Number.isInteger(battery.health) && Number.isInteger(storage.freeBytes),
      ).toBe(true);
      expect(storage.freeBytes).toBeGreaterThan(0);
      expect(storage.freeBytes).toBeLessThan(storage.totalBytes);
    }
    expect(new Set(states.map((state) => toHealthReport(state).battery.level)).size).toBeGreaterThan(20);
    expect(new Set(states.map((state) => toHealthReport(state).storage.freeBytes)).size).toBeGreaterThan(1_000);
  });

  it('wears the battery slowly and only ever downwards', () => {
    const random = seededRandom(7);
    const states = simulate(initialHealth('tablet', random), 2_000, random, (step) => Math.floor(step / 12) % 2 === 1);
    for (let index = 1; index < states.length; index++) {
      expect(states[index].batteryHealth).toBeLessThanOrEqual(states[index - 1].batteryHealth);
    }
    const wear = states[0].batteryHealth - states[states.length - 1].batteryHealth;
    expect(wear).toBeGreaterThan(0);
    expect(wear).toBeLessThan(5);
  });

  it('does not move when no time passed', () => {
    const random = seededRandom(3);
    const state = initialHealth('tablet_pc', random);
    expect(advanceHealth(state, 0, random)).toBe(state);
  });
});
