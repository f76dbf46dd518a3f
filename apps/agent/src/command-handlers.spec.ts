import { randomUUID } from 'node:crypto';
import { defaultCommandHandlers, dispatchCommand } from './command-handlers';
import { createDeviceState } from './device-state';

const newState = () => createDeviceState('ipados', 'tablet', () => 0.5);
const command = (type: string, payload: Record<string, unknown> = {}) => ({ id: randomUUID(), type, payload });

describe('command dispatch', () => {
  it('locks and unlocks the screen', async () => {
    const state = newState();
    const handlers = defaultCommandHandlers();
    expect(await dispatchCommand(command('lock'), state, handlers)).toEqual({ status: 'acknowledged' });
    expect(state.locked).toBe(true);
    await dispatchCommand(command('unlock'), state, handlers);
    expect(state.locked).toBe(false);
  });

  it('installs a profile version, replaces it with a newer one, and removes it', async () => {
    const state = newState();
    const handlers = defaultCommandHandlers();
    const profileId = randomUUID();
    await dispatchCommand(command('install_profile', { profileId, version: 1 }), state, handlers);
    await dispatchCommand(command('install_profile', { profileId, version: 2 }), state, handlers);
    expect([...state.profiles]).toEqual([[profileId, 2]]);
    await dispatchCommand(command('remove_profile', { profileId }), state, handlers);
    expect(state.profiles.size).toBe(0);
  });

  it('reports an error for a malformed profile payload', async () => {
    const result = await dispatchCommand(
      command('install_profile', { profileId: 'p' }),
      newState(),
      defaultCommandHandlers(),
    );
    expect(result).toEqual({ status: 'error', detail: expect.stringContaining('profileId') });
  });

  it('wipes back to the factory apps, unlocked and without profiles', async () => {
    const state = newState();
    const handlers = defaultCommandHandlers();
    state.locked = true;
    state.apps.push('fr.example.extra');
    state.profiles.set(randomUUID(), 3);
    await dispatchCommand(command('wipe'), state, handlers);
    expect(state).toMatchObject({ locked: false, session: null, wipes: 1, apps: [...state.factoryApps] });
    expect(state.profiles.size).toBe(0);
  });

  it('keeps the session payload until the session ends', async () => {
    const state = newState();
    const handlers = defaultCommandHandlers();
    await dispatchCommand(command('session_start', { sessionId: 's1', allowedDomains: ['lumni.fr'] }), state, handlers);
    expect(state.session).toEqual({ sessionId: 's1', allowedDomains: ['lumni.fr'] });
    await dispatchCommand(command('session_end'), state, handlers);
    expect(state.session).toBeNull();
  });

  it('answers error for a command type nobody handles', async () => {
    expect(await dispatchCommand(command('self_destruct'), newState(), defaultCommandHandlers())).toEqual({
      status: 'error',
      detail: 'unsupported command type "self_destruct"',
    });
  });

  it('lets a feature plug in its own command type and result', async () => {
    const handlers = defaultCommandHandlers();
    handlers.set('install_app', async (received, state) => {
      state.apps.push(String(received.payload?.identifier));
    });
    handlers.set('update_os', () => ({ status: 'not_now', detail: 'battery below 50 %' }));
    const state = newState();
    expect(await dispatchCommand(command('install_app', { identifier: 'org.vikidia' }), state, handlers)).toEqual({
      status: 'acknowledged',
    });
    expect(state.apps).toContain('org.vikidia');
    expect(await dispatchCommand(command('update_os'), state, handlers)).toEqual({
      status: 'not_now',
      detail: 'battery below 50 %',
    });
  });

  it('turns a throwing handler into an error result', async () => {
    const handlers = defaultCommandHandlers();
    handlers.set('restart', () => {
      throw new Error('busy');
    });
    expect(await dispatchCommand(command('restart'), newState(), handlers)).toEqual({
      status: 'error',
      detail: 'busy',
    });
  });

  it('gives each device its own handler map', () => {
    const first = defaultCommandHandlers();
    first.delete('lock');
    expect(defaultCommandHandlers().has('lock')).toBe(true);
  });
});

describe('session overlay on the simulated device', () => {
  it('keeps the overlay until session_end, or lifts it by itself once its endsAt has passed', async () => {
    const { activeSession } = await import('./command-handlers');
    const state = newState();
    const endsAt = '2030-03-12T10:00:00.000Z';
    await dispatchCommand(command('session_start', { sessionId: 's1', endsAt }), state, defaultCommandHandlers());
    expect(activeSession(state.session, Date.parse('2030-03-12T09:59:59Z'))).toMatchObject({ sessionId: 's1', endsAt });
    expect(activeSession(state.session, Date.parse(endsAt))).toBeNull();
    await dispatchCommand(command('session_end', { sessionId: 's1' }), state, defaultCommandHandlers());
    expect(activeSession(state.session, 0)).toBeNull();
  });
});
