import { schemaProblems } from '../support/amapi-schema';

/** The fake's runtime check is only worth something if it catches what Google would refuse. */
describe("the fake AMAPI's check of bodies against the client library's Schema types", () => {
  it('accepts a policy with the fields and value types of Schema$Policy', () => {
    expect(
      schemaProblems('Policy', {
        applications: [
          { packageName: 'org.libreoffice', installType: 'FORCE_INSTALLED', managedConfiguration: { a: [1, 'x'] } },
        ],
        kioskCustomLauncherEnabled: true,
        statusReportingSettings: { softwareInfoEnabled: true },
        openNetworkConfiguration: { NetworkConfigurations: [] },
        deviceOwnerLockScreenInfo: { defaultMessage: 'Bonjour', localizedMessages: { fr: 'Bonjour' } },
      }),
    ).toEqual([]);
  });

  it('names every unknown field and wrong type, at any depth', () => {
    expect(
      schemaProblems('Policy', {
        kioskMode: true,
        cameraDisabled: 'yes',
        applications: [{ packageName: 42, installType: 'FORCE_INSTALLED', extra: 1 }],
        statusReportingSettings: [],
        deviceOwnerLockScreenInfo: { localizedMessages: { fr: 3 } },
        maximumTimeToLock: 60000,
      }),
    ).toEqual([
      'Policy.kioskMode: unknown field of Policy',
      'Policy.cameraDisabled: expected boolean, got "yes"',
      'Policy.applications[0].packageName: expected string, got 42',
      'Policy.applications[0].extra: unknown field of ApplicationPolicy',
      'Policy.statusReportingSettings: expected an object',
      'Policy.deviceOwnerLockScreenInfo.localizedMessages.fr: expected string, got 3',
      // int64 fields are strings in JSON, as the library types them.
      'Policy.maximumTimeToLock: expected string, got 60000',
    ]);
  });
});
