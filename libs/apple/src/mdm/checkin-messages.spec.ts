import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as plist from 'plist';
import { describeWithAppleSpecs, FIXTURES_DIR } from '../testing/apple-specs-dir';
import { CheckinMessageError, parseCheckinMessage } from './checkin-messages';
import {
  CommandReport,
  CommandReportError,
  CommandResponseError,
  deviceInformationOf,
  installedApplicationsOf,
  parseCommandReport,
  profileListOf,
  securityInformationOf,
} from './command-reports';
import { MdmBodyError } from './plist-body';

const fixture = (name: string) => readFileSync(join(FIXTURES_DIR, name));
const TOPIC = 'com.apple.mgmt.External.e0bd1eac-1f17-4c8e-8a63-dd17d3dd35d9';

function acknowledged(report: CommandReport) {
  if (report.status === 'Idle') throw new Error('expected a command report');
  return report;
}

describeWithAppleSpecs('MDM check-in messages', (specsDir) => {
  it('reads a real iPad Authenticate (NanoMDM test data)', () => {
    expect(parseCheckinMessage(fixture('nanomdm-Authenticate.1.plist'), specsDir)).toEqual({
      messageType: 'Authenticate',
      udid: '663b07bb783e9ade1dae4fbb92ea12afc0ce5b69',
      topic: TOPIC,
      serialNumber: 'F5JM992LF193',
      osVersion: '9.3.5',
      buildVersion: '13G36',
      productName: 'iPad2,5',
    });
  });

  it('reads a real iPad TokenUpdate with its push token, PushMagic and UnlockToken', () => {
    const message = parseCheckinMessage(fixture('nanomdm-TokenUpdate.1.plist'), specsDir);
    expect(message).toMatchObject({
      messageType: 'TokenUpdate',
      udid: '663b07bb783e9ade1dae4fbb92ea12afc0ce5b69',
      topic: TOPIC,
      pushMagic: 'CEFDF0BD-E342-4A27-8742-E930EA116B0A',
      awaitingConfiguration: false,
    });
    if (message.messageType !== 'TokenUpdate') return;
    expect(message.token.toString('base64')).toBe('R+juwGLC9ynsFwPBs+GPGXHYXwC+dkRdNAgLqnAbX1E=');
    expect(message.unlockToken?.subarray(0, 4).toString()).toBe('DATA');
    expect(message.unlockToken!.length).toBeGreaterThan(1000);
  });

  it('reads the Mac messages of the same test data (extra keys, no UnlockToken)', () => {
    expect(parseCheckinMessage(fixture('nanomdm-Authenticate.2.plist'), specsDir)).toMatchObject({
      messageType: 'Authenticate',
      serialNumber: 'C02MT66KFLHH',
      deviceName: 'Fruit',
      model: 'iMac14,2',
    });
    const token = parseCheckinMessage(fixture('nanomdm-TokenUpdate.2.plist'), specsDir);
    expect(token).toMatchObject({ messageType: 'TokenUpdate', pushMagic: '888CEB39-BFFA-40F6-89FA-B60752EB63C2' });
    expect('unlockToken' in token).toBe(false);
  });

  it('reads CheckOut and DeclarativeManagement (status with its JSON data)', () => {
    expect(parseCheckinMessage(fixture('socle-CheckOut.ipad.plist'), specsDir)).toEqual({
      messageType: 'CheckOut',
      udid: '00008030-001A2D3C0E38802E',
      topic: TOPIC,
    });
    const ddm = parseCheckinMessage(fixture('socle-DeclarativeManagement.status.ipad.plist'), specsDir);
    expect(ddm).toMatchObject({ messageType: 'DeclarativeManagement', endpoint: 'status' });
    if (ddm.messageType !== 'DeclarativeManagement') return;
    expect(JSON.parse(ddm.data!.toString()).StatusItems.device.power['battery-health']).toBe('normal');
  });

  const build = (message: Record<string, unknown>) => plist.build(message as plist.PlistObject);

  it('refuses a TokenUpdate without PushMagic, or with a Token that is not data', () => {
    const base = plist.parse(fixture('nanomdm-TokenUpdate.1.plist').toString()) as Record<string, unknown>;
    const { PushMagic: _drop, ...withoutMagic } = base;
    expect(() => parseCheckinMessage(build(withoutMagic), specsDir)).toThrow(
      expect.objectContaining({
        code: 'CHECKIN_INVALID',
        problems: [{ path: 'PushMagic', message: 'required key missing' }],
      }),
    );
    expect(() => parseCheckinMessage(build({ ...base, Token: 'abc' }), specsDir)).toThrow(
      expect.objectContaining({
        code: 'CHECKIN_INVALID',
        problems: [{ path: 'Token', message: 'expected <data>, got string "abc"' }],
      }),
    );
  });

  it('refuses other message types, the user channel, and what is not a plist dictionary', () => {
    const error = (body: string) => {
      try {
        parseCheckinMessage(body, specsDir);
      } catch (caught) {
        return caught;
      }
      throw new Error('no error');
    };
    expect(error(build({ MessageType: 'GetBootstrapToken', UDID: 'x', Topic: TOPIC }))).toMatchObject({
      code: 'CHECKIN_UNSUPPORTED_MESSAGE',
      messageType: 'GetBootstrapToken',
    });
    expect(error(build({ MessageType: 'Invented', UDID: 'x' }))).toBeInstanceOf(CheckinMessageError);
    expect(error(build({ MessageType: 'TokenUpdate', UDID: 'x', UserID: 'u', Topic: TOPIC }))).toMatchObject({
      code: 'CHECKIN_USER_CHANNEL',
    });
    expect(error('{"MessageType":"Authenticate"}')).toMatchObject({ code: 'MDM_BODY_NOT_PLIST' });
    expect(error(build(['Authenticate'] as unknown as Record<string, unknown>))).toBeInstanceOf(MdmBodyError);
    // An external entity is not resolved: the parser never reads the file.
    const xxe =
      '<?xml version="1.0"?><!DOCTYPE plist [<!ENTITY x SYSTEM "file:///etc/passwd">]><plist version="1.0"><dict><key>MessageType</key><string>Authenticate</string><key>UDID</key><string>&x;</string><key>Topic</key><string>t</string></dict></plist>';
    let udid: unknown;
    try {
      udid = (parseCheckinMessage(xxe, specsDir) as { udid: string }).udid;
    } catch {
      udid = 'refused';
    }
    expect(String(udid)).not.toContain('root:');
  });
});

describeWithAppleSpecs('MDM command reports', (specsDir) => {
  it('Idle', () => {
    expect(parseCommandReport(fixture('socle-Idle.ipad.plist'))).toEqual({
      status: 'Idle',
      udid: '00008030-001A2D3C0E38802E',
    });
  });

  it('NotNow and Error with its ErrorChain for the technician', () => {
    expect(parseCommandReport(fixture('socle-NotNow.ipad.plist'))).toEqual({
      status: 'NotNow',
      udid: '00008030-001A2D3C0E38802E',
      commandUuid: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
      payload: {},
    });
    expect(parseCommandReport(fixture('socle-Error.ipad.plist'))).toMatchObject({
      status: 'Error',
      commandUuid: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
      errorChain: [
        {
          errorCode: 4001,
          errorDomain: 'MCProfileErrorDomain',
          localizedDescription: 'Le profil « Filtrage » n’a pas pu être installé.',
          usEnglishDescription: 'The profile “Filtrage” could not be installed.',
        },
        { errorCode: 2003, errorDomain: 'MCInstallationErrorDomain' },
      ],
    });
  });

  it('DeviceInformation from NanoMDM (a Mac, two keys) and from an iPad (the keys Socle asks for)', () => {
    const mac = acknowledged(parseCommandReport(fixture('nanomdm-DeviceInformation.1.plist')));
    expect(mac).toMatchObject({
      status: 'Acknowledged',
      requestType: 'DeviceInformation',
      commandUuid: '76eda240-5488-4989-8339-f2ae160113c4',
    });
    expect(deviceInformationOf(mac, specsDir)).toEqual({ udid: '66ADE930-5FDF-5EC4-8429-15640684C489' });
    const ipad = acknowledged(parseCommandReport(fixture('socle-DeviceInformation.ipad.plist')));
    expect(deviceInformationOf(ipad, specsDir)).toEqual({
      udid: '00008030-001A2D3C0E38802E',
      serialNumber: 'DMPXK0XXJF8J',
      deviceName: 'Tablette 7 — pack CM1',
      osVersion: '17.5.1',
      buildVersion: '21F90',
      productName: 'iPad12,1',
      model: 'MK2K3NF',
      modelName: 'iPad',
      batteryLevel: 0.82,
      deviceCapacity: 64,
      availableDeviceCapacity: 41.27,
      isSupervised: true,
      isLostModeEnabled: false,
      isActivationLockEnabled: false,
      wifiMac: 'a4:83:e7:12:34:56',
    });
  });

  it('SecurityInfo, ProfileList and InstalledApplicationList', () => {
    expect(
      securityInformationOf(acknowledged(parseCommandReport(fixture('socle-SecurityInfo.ipad.plist'))), specsDir),
    ).toEqual({
      passcodePresent: false,
      passcodeCompliant: true,
      passcodeCompliantWithProfiles: true,
      hardwareEncryptionCaps: 3,
      enrolledViaDep: false,
      userApprovedEnrollment: true,
    });
    expect(profileListOf(acknowledged(parseCommandReport(fixture('socle-ProfileList.ipad.plist'))), specsDir)).toEqual([
      {
        identifier: 'fr.socle.profile.3f2a',
        uuid: '3F2A1B0C-9D8E-4F7A-B6C5-D4E3F2A1B0C9',
        displayName: 'École Jules Ferry — CM1',
        version: 1,
        isManaged: true,
        isEncrypted: false,
        hasRemovalPasscode: false,
      },
    ]);
    expect(
      installedApplicationsOf(
        acknowledged(parseCommandReport(fixture('socle-InstalledApplicationList.ipad.plist'))),
        specsDir,
      ),
    ).toEqual([
      {
        identifier: 'fr.lalilo.app',
        name: 'Lalilo',
        version: '312',
        shortVersion: '3.12',
        bundleSize: 48123904,
        installing: false,
      },
    ]);
  });

  it('refuses a response that does not match the schema, and a report without UDID, status or CommandUUID', () => {
    const ipad = acknowledged(parseCommandReport(fixture('socle-DeviceInformation.ipad.plist')));
    const wrong = { ...ipad, payload: { QueryResponses: { BatteryLevel: 'plein' } } };
    expect(() => deviceInformationOf(wrong, specsDir)).toThrow(CommandResponseError);
    expect(() => deviceInformationOf({ ...ipad, payload: {} }, specsDir)).toThrow(
      'QueryResponses (required key missing)',
    );
    const body = (value: Record<string, unknown>) => plist.build(value as plist.PlistObject);
    expect(() => parseCommandReport(body({ Status: 'Idle' }))).toThrow(CommandReportError);
    expect(() => parseCommandReport(body({ UDID: 'u', Status: 'Done' }))).toThrow('Statut de commande inconnu');
    expect(() => parseCommandReport(body({ UDID: 'u', Status: 'Acknowledged' }))).toThrow('sans CommandUUID');
  });
});
