import * as plist from 'plist';
import { describeWithAppleSpecs } from '../testing/apple-specs-dir';
import { validateMdmCommand } from './mdm-command-validator';
import * as builders from './mdm-commands';
import { MdmCommand, mdmCommandPlist } from './mdm-commands';

const profile = Buffer.from('<signed mobileconfig>');
const uuid = '3b0f6c52-6a55-4c57-9d42-6f0c1b2f7a11';

/** One case per builder and per notable input; `every builder has a case` keeps this list whole. */
const cases: Array<[string, MdmCommand]> = [
  ['InstallProfile', builders.installProfileCommand({ commandUuid: uuid, profile })],
  ['RemoveProfile', builders.removeProfileCommand({ identifier: 'fr.socle.profile.3f2a' })],
  ['InstallApplication (App Store id)', builders.installApplicationCommand({ appStoreId: 1489931734 })],
  [
    'InstallApplication (manifest, managed config, take-over)',
    builders.installApplicationCommand({
      manifestUrl: 'https://apps.example.fr/manifest.plist',
      managementFlags: 5,
      takeOverExisting: true,
      configuration: { serveur: 'https://ent.example.fr' },
    }),
  ],
  [
    'InstalledApplicationList',
    builders.installedApplicationListCommand({ managedAppsOnly: true, identifiers: ['fr.lalilo.app'] }),
  ],
  [
    'InstallMedia',
    builders.installMediaCommand({
      mediaUrl: 'https://docs.example.fr/lecture.pdf',
      kind: 'pdf',
      title: 'Lecture CM1',
    }),
  ],
  [
    'DeviceLock',
    builders.deviceLockCommand({ message: "Tablette de l'école Jules Ferry", phoneNumber: '05 55 00 00 00' }),
  ],
  ['DeviceLock (bare)', builders.deviceLockCommand()],
  ['EraseDevice', builders.eraseDeviceCommand()],
  [
    'EraseDevice with Return to Service',
    builders.eraseDeviceCommand({
      returnToService: { wifiProfile: Buffer.from('wifi'), mdmProfile: Buffer.from('mdm') },
      disallowProximitySetup: true,
    }),
  ],
  ['DeviceInformation', builders.deviceInformationCommand()],
  ['SecurityInfo', builders.securityInfoCommand()],
  ['ProfileList', builders.profileListCommand({ managedOnly: true })],
  ['RestartDevice', builders.restartDeviceCommand()],
  ['ShutDownDevice', builders.shutDownDeviceCommand()],
  ['ClearPasscode', builders.clearPasscodeCommand({ unlockToken: Buffer.from('DATA…') })],
  ['Settings (device name)', builders.settingsCommand({ deviceName: builders.deviceNameFor(7, 'CM1') })],
  [
    'EnableLostMode',
    builders.enableLostModeCommand({
      message: 'Tablette perdue',
      phoneNumber: '05 55 00 00 00',
      footnote: 'École Jules Ferry',
    }),
  ],
  ['DisableLostMode', builders.disableLostModeCommand()],
  ['DeviceLocation', builders.deviceLocationCommand()],
  ['PlayLostModeSound', builders.playLostModeSoundCommand()],
  ['DeclarativeManagement', builders.declarativeManagementCommand({ syncTokens: Buffer.from('{"SyncTokens":{}}') })],
];

/** As the device reads it: XML plist out, parsed back (data stays data, strings stay escaped). */
const delivered = (value: MdmCommand) => plist.parse(mdmCommandPlist(value)) as unknown as MdmCommand;

describeWithAppleSpecs("MDM commands against Apple's schemas", (specsDir) => {
  it.each(cases)('%s validates against mdm/commands for iOS, as delivered', (_name, value) => {
    expect(validateMdmCommand(delivered(value), specsDir)).toEqual([]);
  });

  it('every builder has a case above', () => {
    const built = new Set(cases.map(([, value]) => value.Command.RequestType));
    // installProfileCommand builds InstallProfile, and so on: the builder's name says its request type.
    const exported = Object.keys(builders)
      .filter((name) => name.endsWith('Command'))
      .map((name) => name[0].toUpperCase() + name.slice(1, -'Command'.length));
    expect([...built].sort()).toEqual(exported.sort());
    // The commands issue 11 lists.
    expect(built.size).toBe(19);
  });

  it('builds the plist an iPad expects', () => {
    const value = delivered(builders.installProfileCommand({ commandUuid: uuid, profile }));
    expect(value).toEqual({ CommandUUID: uuid, Command: { RequestType: 'InstallProfile', Payload: profile } });
    expect(delivered(builders.settingsCommand({ deviceName: 'Tablette 7 — pack CM1' })).Command.Settings).toEqual([
      { Item: 'DeviceName', DeviceName: 'Tablette 7 — pack CM1' },
    ]);
    expect(
      builders.eraseDeviceCommand({ returnToService: { wifiProfile: Buffer.from('w') } }).Command.ReturnToService,
    ).toEqual({
      Enabled: true,
      WiFiProfileData: Buffer.from('w'),
    });
    expect(builders.installApplicationCommand({ appStoreId: 42 }).Command).toEqual({
      RequestType: 'InstallApplication',
      iTunesStoreID: 42,
      ManagementFlags: 1,
      Options: { PurchaseMethod: 1 },
    });
    expect(mdmCommandPlist(builders.deviceLockCommand({ message: '<b>&</b>' }))).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
    const pasted = delivered(builders.deviceLockCommand({ message: 'Tablette\u0007 de l’école\u0000' }));
    expect(pasted.Command.Message).toBe('Tablette de l’école');
  });

  describe('the validator catches', () => {
    const problems = (value: MdmCommand) => validateMdmCommand(value, specsDir);

    it('an unknown key, a wrong type, a macOS-only key, a query that is not Apple’s', () => {
      const lock = builders.deviceLockCommand({ message: 'x' });
      expect(problems({ ...lock, Command: { ...lock.Command, Couleur: 'bleu', Message: 3 } })).toEqual([
        { path: 'Command.Message', message: 'expected <string>, got an integer' },
        { path: 'Command.Couleur', message: 'unknown key' },
      ]);
      expect(problems({ ...lock, Command: { ...lock.Command, PIN: '123456' } })).toEqual([
        { path: 'Command.PIN', message: 'not available on iOS' },
      ]);
      expect(
        problems(builders.deviceInformationCommand({ queries: ['BatteryLevel', 'BatteryHealth', 'EthernetMAC'] })),
      ).toEqual([
        { path: 'Command.Queries[1]', message: '"BatteryHealth" is not a documented name' },
        { path: 'Command.Queries[2]', message: 'EthernetMAC is not available on iOS' },
      ]);
    });

    it('a missing required key, an item of Settings of no known shape, a request type Apple does not have', () => {
      expect(problems({ CommandUUID: uuid, Command: { RequestType: 'RemoveProfile' } })).toEqual([
        { path: 'Command.Identifier', message: 'required key missing' },
      ]);
      expect(
        problems({ CommandUUID: uuid, Command: { RequestType: 'Settings', Settings: [{ Item: 'DeviceName' }] } }),
      ).toEqual([{ path: 'Command.Settings[0].DeviceName', message: 'required key missing' }]);
      expect(problems({ CommandUUID: '', Command: { RequestType: 'Teleport' } })).toEqual([
        { path: 'CommandUUID', message: 'required key missing' },
        { path: 'Command.RequestType', message: 'Teleport is not an Apple command' },
      ]);
    });
  });
});

describe('MDM command builders refuse', () => {
  it('an application with both or neither App Store id and manifest, or a plain-http manifest', () => {
    expect(() => builders.installApplicationCommand({} as never)).toThrow('either an App Store id or a manifest URL');
    expect(() => builders.installApplicationCommand({ appStoreId: 1, manifestUrl: 'https://x' } as never)).toThrow(
      'either',
    );
    expect(() => builders.installApplicationCommand({ appStoreId: -3 })).toThrow('positive integer');
    expect(() => builders.installApplicationCommand({ manifestUrl: 'http://x/manifest.plist' })).toThrow('https');
    expect(() => builders.installMediaCommand({ mediaUrl: 'ftp://x', kind: 'pdf' })).toThrow('https');
  });

  it('lost mode without message nor phone number, and an empty device name', () => {
    expect(() => builders.enableLostModeCommand({ footnote: 'x' })).toThrow('message or a phone number');
    expect(() => builders.settingsCommand({ deviceName: '  ' })).toThrow('empty');
  });

  it('gives each command its own UUID unless the command row gives one', () => {
    expect(builders.restartDeviceCommand().CommandUUID).not.toBe(builders.restartDeviceCommand().CommandUUID);
    expect(builders.restartDeviceCommand({ commandUuid: uuid }).CommandUUID).toBe(uuid);
  });
});
