import { SocleError } from '@socle/core';
import {
  acceptsCommands,
  assertTransition,
  canTransition,
  DEVICE_TRANSITIONS,
  isShutOut,
} from './device-state-machine';
import { DEVICE_STATES } from './fleet-enums';

describe('device state machine', () => {
  it('is exactly registered → enrolled → active ⇄ locked → retiring → retired → taken_back, with retirement open from every state in service', () => {
    expect([...DEVICE_TRANSITIONS].map(([from, to]) => `${from}>${to}`).sort()).toEqual(
      [
        'registered>enrolled',
        'enrolled>active',
        'active>locked',
        'locked>active',
        'registered>retiring',
        'enrolled>retiring',
        'active>retiring',
        'locked>retiring',
        'retiring>retired',
        'retired>taken_back',
      ].sort(),
    );
    expect(DEVICE_TRANSITIONS.flat().every((state) => (DEVICE_STATES as readonly string[]).includes(state))).toBe(true);
  });

  it('never goes back: nothing leaves taken_back, nothing returns to registered, retired devices are not re-activated', () => {
    for (const state of DEVICE_STATES) {
      expect(canTransition('taken_back', state)).toBe(false);
      expect(canTransition(state, 'registered')).toBe(false);
    }
    expect(canTransition('retired', 'active')).toBe(false);
    expect(canTransition('retiring', 'active')).toBe(false);
    expect(canTransition('active', 'retired')).toBe(false);
  });

  it('answers an illegal transition with 409 ILLEGAL_STATE_TRANSITION naming the current state', () => {
    let error: unknown;
    try {
      assertTransition('takeBack', 'active');
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(SocleError);
    expect(error).toMatchObject({
      status: 409,
      code: 'ILLEGAL_STATE_TRANSITION',
      details: { currentState: 'active', requestedState: 'taken_back' },
    });
    expect((error as Error).message).toContain('actif');
    expect(() => assertTransition('retire', 'locked')).not.toThrow();
  });

  it('shuts retired devices out of the gateway and keeps commands flowing to a retiring one (its wipe)', () => {
    expect(DEVICE_STATES.filter(isShutOut)).toEqual(['retired', 'taken_back']);
    expect(acceptsCommands('retiring')).toBe(true);
    expect(acceptsCommands('registered')).toBe(false);
    expect(acceptsCommands('retired')).toBe(false);
  });
});
