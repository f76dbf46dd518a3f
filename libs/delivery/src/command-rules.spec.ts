import { commandOutcome, manualCommandRefusal } from './command-rules';

describe('a device’s answer to a command', () => {
  it('settles an open command once: acknowledged, or failed with the device’s words', () => {
    for (const status of ['pending', 'delivered'] as const) {
      expect(commandOutcome({ status, attempts: 0 }, { status: 'acknowledged', detail: 'ignored' })).toEqual({
        applied: true,
        status: 'acknowledged',
        lastError: null,
      });
      expect(commandOutcome({ status, attempts: 0 }, { status: 'error', detail: 'profil refusé' })).toEqual({
        applied: true,
        status: 'failed',
        lastError: 'profil refusé',
      });
    }
    expect(commandOutcome({ status: 'delivered', attempts: 0 }, { status: 'error' })).toMatchObject({
      lastError: 'erreur sans détail',
    });
  });

  it('ignores a repeated or late answer, reporting what was recorded', () => {
    for (const status of ['acknowledged', 'failed', 'superseded'] as const) {
      expect(commandOutcome({ status, attempts: 2 }, { status: 'error' })).toEqual({ applied: false, status });
      expect(commandOutcome({ status, attempts: 2 }, { status: 'not_now' })).toEqual({ applied: false, status });
    }
  });

  it('puts a not_now back with a delay that doubles from 30 s up to an hour', () => {
    expect(commandOutcome({ status: 'delivered', attempts: 0 }, { status: 'not_now' })).toEqual({
      applied: true,
      status: 'pending',
      attempts: 1,
      retryInSeconds: 30,
    });
    expect(commandOutcome({ status: 'delivered', attempts: 3 }, { status: 'not_now' })).toMatchObject({
      attempts: 4,
      retryInSeconds: 240,
    });
    expect(commandOutcome({ status: 'delivered', attempts: 30 }, { status: 'not_now' })).toMatchObject({
      retryInSeconds: 3600,
    });
  });
});

describe('a technician’s command to one device', () => {
  const device = { state: 'active' as const, serialNumber: 'DMPX-0042' };

  it('goes to a managed device, a wipe only once the serial number is typed again', () => {
    expect(manualCommandRefusal(device, { type: 'lock' })).toBeNull();
    expect(manualCommandRefusal({ ...device, state: 'retiring' }, { type: 'wipe', confirm: 'DMPX-0042' })).toBeNull();
    const unconfirmed = manualCommandRefusal(device, { type: 'wipe', confirm: 'dmpx-0042' });
    expect({ status: unconfirmed?.status, code: unconfirmed?.code }).toEqual({
      status: 400,
      code: 'WIPE_CONFIRMATION_REQUIRED',
    });
    expect(unconfirmed?.message).toContain('DMPX-0042');
  });

  it('is refused for a device that no longer takes commands', () => {
    for (const state of ['registered', 'retired', 'taken_back'] as const) {
      const refusal = manualCommandRefusal({ ...device, state }, { type: 'restart' });
      expect({ status: refusal?.status, code: refusal?.code, details: refusal?.details }).toEqual({
        status: 409,
        code: 'DEVICE_NOT_MANAGED',
        details: { state },
      });
    }
  });
});
