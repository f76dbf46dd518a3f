import { androidCommandPlan, ANDROID_SUPPORTED_COMMANDS } from './android-commands';

describe('androidCommandPlan', () => {
  it('maps lock, restart and clear_passcode to AMAPI commands', () => {
    expect(androidCommandPlan('lock')).toEqual({ kind: 'issue', command: { type: 'LOCK', duration: '86400s' } });
    expect(androidCommandPlan('restart')).toMatchObject({ kind: 'issue', command: { type: 'REBOOT' } });
    expect(androidCommandPlan('clear_passcode')).toMatchObject({ kind: 'issue', command: { type: 'RESET_PASSWORD' } });
  });

  it('maps wipe to devices.delete with the retirement wipe flags, and unlock to a policy change', () => {
    expect(androidCommandPlan('wipe')).toEqual({ kind: 'delete', wipeDataFlags: ['WIPE_EXTERNAL_STORAGE'] });
    expect(androidCommandPlan('unlock')).toEqual({ kind: 'policy' });
    expect(androidCommandPlan('refresh_inventory')).toEqual({ kind: 'pull' });
  });

  it.each(['shutdown', 'lost_mode_enable', 'play_sound', 'locate', 'device_information', 'relinquish'])(
    'answers 422 COMMAND_NOT_SUPPORTED for %s',
    (type) => {
      expect(() => androidCommandPlan(type)).toThrow(
        expect.objectContaining({ status: 422, code: 'COMMAND_NOT_SUPPORTED', details: { type } }),
      );
    },
  );

  it('hands out copies, so a caller cannot change the table', () => {
    const plan = androidCommandPlan('lock') as { kind: 'issue'; command: { type: string } };
    plan.command.type = 'REBOOT';
    expect(androidCommandPlan('lock')).toMatchObject({ command: { type: 'LOCK' } });
    expect(ANDROID_SUPPORTED_COMMANDS).toEqual([
      'lock',
      'restart',
      'clear_passcode',
      'wipe',
      'unlock',
      'refresh_inventory',
    ]);
  });
});
