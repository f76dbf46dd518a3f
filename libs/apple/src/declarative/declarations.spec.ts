import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCheckinMessage } from '../mdm/checkin-messages';
import { AppleSchemaFiles } from '../schema/apple-schema-files';
import { describeWithAppleSpecs, FIXTURES_DIR } from '../testing/apple-specs-dir';
import { validateDdmResponse, validateDeclaration } from './declaration-validator';
import {
  declarationForEndpoint,
  declarationItemsResponse,
  legacyProfile,
  simpleActivation,
  SOCLE_STATUS_SUBSCRIPTIONS,
  softwareUpdateEnforcement,
  statusSubscriptions,
  tokensResponse,
} from './declarations';
import { parseStatusReport, StatusReportError } from './status-report';

const update = softwareUpdateEnforcement({
  identifier: 'fr.socle.softwareupdate.pack-cm1',
  targetOSVersion: '17.5.1',
  deadline: '2027-01-15T18:00:00',
  detailsUrl: 'https://socle.commune.fr/mises-a-jour',
});
const legacy = legacyProfile({
  identifier: 'fr.socle.profile.3f2a',
  profileUrl: 'https://mdm.commune.fr/mdm/declarative/profiles/3f2a.mobileconfig',
});
const subscriptions = statusSubscriptions({ identifier: 'fr.socle.status' });
const activation = simpleActivation({
  identifier: 'fr.socle.activation',
  configurations: [update.Identifier, legacy.Identifier, subscriptions.Identifier],
});
const all = [update, legacy, subscriptions, activation];

describeWithAppleSpecs("declarative device management against Apple's schemas", (specsDir) => {
  it.each(all.map((declaration) => [declaration.Type, declaration] as const))(
    '%s validates for iOS',
    (_type, declaration) => {
      expect(validateDeclaration(JSON.parse(JSON.stringify(declaration)), specsDir)).toEqual([]);
    },
  );

  it('the tokens and declaration-items responses validate and list every declaration by kind', () => {
    const tokens = tokensResponse(all, new Date('2026-12-01T10:00:00.123Z'));
    expect(validateDdmResponse('TokensResponse', tokens, specsDir)).toEqual([]);
    expect(tokens.SyncTokens.Timestamp).toBe('2026-12-01T10:00:00Z');
    const items = declarationItemsResponse(all);
    expect(validateDdmResponse('DeclarationItemsResponse', JSON.parse(JSON.stringify(items)), specsDir)).toEqual([]);
    expect(items.Declarations.Configurations.map((item) => item.Identifier)).toEqual([
      update.Identifier,
      legacy.Identifier,
      subscriptions.Identifier,
    ]);
    expect(items.Declarations.Activations).toEqual([
      { Identifier: activation.Identifier, ServerToken: activation.ServerToken },
    ]);
    expect(items.Declarations.Assets).toEqual([]);
    expect(items.DeclarationsToken).toBe(tokens.SyncTokens.DeclarationsToken);
  });

  it('subscribes only to status items Apple documents for iOS', () => {
    const known = AppleSchemaFiles.open(specsDir);
    for (const name of SOCLE_STATUS_SUBSCRIPTIONS) {
      const schema = known.get('declarative/status', name);
      expect({ name, documented: !!schema, onIos: schema?.supportedOS?.iOS?.introduced !== 'n/a' }).toEqual({
        name,
        documented: true,
        onIos: true,
      });
    }
  });

  it('catches a payload that does not fit its type', () => {
    const broken = { ...update, Payload: { TargetOSVersion: 17, Extra: true } };
    expect(validateDeclaration(broken, specsDir)).toEqual([
      { path: 'Payload.TargetOSVersion', message: 'expected <string>, got an integer' },
      { path: 'Payload.Extra', message: 'unknown key' },
      { path: 'Payload.TargetLocalDateTime', message: 'required key missing' },
    ]);
    expect(validateDeclaration({ ...legacy, Type: 'com.apple.configuration.invented' }, specsDir)).toEqual([
      { path: 'Type', message: 'com.apple.configuration.invented is not an Apple declaration' },
    ]);
  });

  it('reads a status report (from a DeclarativeManagement check-in) into a flat typed record', () => {
    const checkin = parseCheckinMessage(
      readFileSync(join(FIXTURES_DIR, 'socle-DeclarativeManagement.status.ipad.plist')),
      specsDir,
    );
    if (checkin.messageType !== 'DeclarativeManagement') throw new Error('fixture');
    const report = parseStatusReport(checkin.data!, specsDir);
    expect(report.problems).toEqual([]);
    expect(report.items['device.power.battery-health']).toBe('normal');
    expect(report.status).toEqual({
      batteryHealth: 'normal',
      osVersion: '17.5.1',
      osBuildVersion: '21F90',
      modelFamily: 'iPad',
      modelIdentifier: 'iPad12,1',
      supportedConfigurations: [
        'com.apple.configuration.legacy',
        'com.apple.configuration.softwareupdate.enforcement.specific',
        'com.apple.configuration.management.status-subscriptions',
      ],
      supportedStatusItems: ['device.power.battery-health'],
    });
  });

  it('keeps an item that breaks its schema out of the typed record, and reports declarations and errors', () => {
    const report = parseStatusReport(
      JSON.stringify({
        StatusItems: {
          device: { power: { 'battery-health': 'excellent' }, 'operating-system': { version: '18.1' } },
          management: {
            declarations: {
              activations: [],
              assets: [],
              management: [],
              configurations: [
                { identifier: 'fr.socle.profile.3f2a', active: true, valid: 'valid', 'server-token': 'abc' },
              ],
            },
          },
        },
        Errors: [{ StatusItem: 'device.model.family', Reasons: [{ Code: 'Error.NotSupported' }] }],
        FullReport: false,
      }),
      specsDir,
    );
    expect(report.status.batteryHealth).toBeUndefined();
    expect(report.problems).toHaveLength(1);
    expect(report.status.osVersion).toBe('18.1');
    expect(report.status.declarations).toEqual({
      'fr.socle.profile.3f2a': { active: true, valid: 'valid', serverToken: 'abc' },
    });
    expect(report.errors).toEqual([{ statusItem: 'device.model.family', reasons: [{ Code: 'Error.NotSupported' }] }]);
    expect(() => parseStatusReport('pas du json', specsDir)).toThrow(StatusReportError);
    expect(() => parseStatusReport('{"Errors":[]}', specsDir)).toThrow('StatusItems');
  });
});

describe('declarations', () => {
  it('have a server token that changes with the payload only', () => {
    const same = softwareUpdateEnforcement({
      identifier: update.Identifier,
      targetOSVersion: '17.5.1',
      deadline: '2027-01-15T18:00:00',
      detailsUrl: 'https://socle.commune.fr/mises-a-jour',
    });
    expect(same.ServerToken).toBe(update.ServerToken);
    const later = softwareUpdateEnforcement({
      identifier: update.Identifier,
      targetOSVersion: '17.6',
      deadline: '2027-01-15T18:00:00',
    });
    expect(later.ServerToken).not.toBe(update.ServerToken);
    expect(tokensResponse([later, legacy]).SyncTokens.DeclarationsToken).not.toBe(
      tokensResponse([update, legacy]).SyncTokens.DeclarationsToken,
    );
  });

  it('write a Date deadline as local time without zone, and refuse bad input', () => {
    expect(
      softwareUpdateEnforcement({ identifier: 'x', targetOSVersion: '17.5', deadline: new Date(2027, 0, 15, 8, 5, 0) })
        .Payload.TargetLocalDateTime,
    ).toBe('2027-01-15T08:05:00');
    expect(() =>
      softwareUpdateEnforcement({ identifier: 'x', targetOSVersion: 'dernière', deadline: '2027-01-15T18:00:00' }),
    ).toThrow('TargetOSVersion');
    expect(() =>
      softwareUpdateEnforcement({ identifier: 'x', targetOSVersion: '17.5', deadline: '2027-01-15T18:00:00+01:00' }),
    ).toThrow('without a time zone');
    expect(() => legacyProfile({ identifier: 'x', profileUrl: 'http://a' })).toThrow('https');
    expect(() => legacyProfile({ identifier: 'x'.repeat(65), profileUrl: 'https://a' })).toThrow('64 octets');
    expect(() => simpleActivation({ identifier: 'x', configurations: [] })).toThrow('at least one');
    expect(() => declarationItemsResponse([legacy, legacy])).toThrow('share the identifier');
  });

  it('find the declaration an endpoint asks for', () => {
    expect(declarationForEndpoint(`declaration/configuration/${legacy.Identifier}`, all)).toBe(legacy);
    expect(declarationForEndpoint(`declaration/activation/${legacy.Identifier}`, all)).toBeUndefined();
    expect(declarationForEndpoint('tokens', all)).toBeUndefined();
  });
});
