import { deviceHealth } from './device-health';

/** A Samsung Galaxy Tab A8 as AMAPI reports it after a day in the cart (trimmed, real field names). */
const TAB_A8 = {
  name: 'enterprises/LC01abcd/devices/3a1b2c3d4e5f',
  managementMode: 'DEVICE_OWNER',
  state: 'ACTIVE',
  appliedState: 'ACTIVE',
  policyCompliant: false,
  enrollmentTime: '2026-09-01T08:12:44.512Z',
  lastStatusReportTime: '2026-11-30T16:45:02.118Z',
  lastPolicySyncTime: '2026-11-30T16:40:10.001Z',
  appliedPolicyName: 'enterprises/LC01abcd/policies/pack-7f1c',
  appliedPolicyVersion: '12',
  apiLevel: 34,
  hardwareInfo: {
    brand: 'samsung',
    hardware: 'ums512',
    manufacturer: 'samsung',
    model: 'SM-X200',
    serialNumber: 'R9WT30ABCDE',
  },
  softwareInfo: {
    androidVersion: '14',
    androidBuildNumber: 'UP1A.231005.007.X200XXU3CXA1',
    securityPatchLevel: '2026-10-01',
    primaryLanguageCode: 'fr-FR',
  },
  memoryInfo: { totalRam: '3758096384', totalInternalStorage: '31138512896' },
  memoryEvents: [
    { eventType: 'INTERNAL_STORAGE_MEASURED', byteCount: '9876543210', createTime: '2026-11-30T16:44:00Z' },
    { eventType: 'RAM_MEASURED', byteCount: '1200000000', createTime: '2026-11-30T16:44:30Z' },
    { eventType: 'INTERNAL_STORAGE_MEASURED', byteCount: '12345678901', createTime: '2026-11-29T10:00:00Z' },
  ],
  powerManagementEvents: [
    { eventType: 'BATTERY_LEVEL_COLLECTED', batteryLevel: 64, createTime: '2026-11-30T14:00:00Z' },
    { eventType: 'POWER_CONNECTED', createTime: '2026-11-30T16:30:00Z' },
    { eventType: 'BATTERY_LEVEL_COLLECTED', batteryLevel: 71.6, createTime: '2026-11-30T16:40:00Z' },
    { eventType: 'POWER_DISCONNECTED', createTime: '2026-11-30T08:05:00Z' },
  ],
  nonComplianceDetails: [
    {
      settingName: 'applications',
      nonComplianceReason: 'APP_NOT_INSTALLED',
      packageName: 'fr.lalilo.app',
      fieldPath: 'applications[2]',
      installationFailureReason: 'INSUFFICIENT_STORAGE',
    },
    { settingName: 'passwordPolicies', nonComplianceReason: 'USER_ACTION' },
  ],
};

describe('deviceHealth', () => {
  it("maps a realistic status report to Socle's health fields", () => {
    const health = deviceHealth(TAB_A8);
    expect(health).toMatchObject({
      serialNumber: 'R9WT30ABCDE',
      model: 'SM-X200',
      manufacturer: 'samsung',
      osVersion: '14',
      securityPatchLevel: '2026-10-01',
      batteryLevel: 72,
      batteryCharging: true,
      batteryHealth: null,
      storageFreeBytes: 9876543210,
      storageTotalBytes: 31138512896,
      appliedPolicyName: 'enterprises/LC01abcd/policies/pack-7f1c',
      appliedPolicyVersion: 12,
      policyCompliant: false,
      state: 'ACTIVE',
    });
    expect(health.lastStatusReportAt?.toISOString()).toBe('2026-11-30T16:45:02.118Z');
  });

  it('takes the latest event by time, not by position in the list', () => {
    const unplugged = deviceHealth({
      ...TAB_A8,
      powerManagementEvents: [
        { eventType: 'POWER_DISCONNECTED', createTime: '2026-11-30T17:00:00Z' },
        { eventType: 'POWER_CONNECTED', createTime: '2026-11-30T16:30:00Z' },
      ],
    });
    expect(unplugged.batteryCharging).toBe(false);
    expect(unplugged.batteryLevel).toBeNull();
  });

  it('says unknown (null) for everything a minimal report leaves out', () => {
    expect(deviceHealth({ name: 'enterprises/e/devices/d' })).toEqual({
      serialNumber: null,
      model: null,
      manufacturer: null,
      osVersion: null,
      securityPatchLevel: null,
      batteryLevel: null,
      batteryCharging: null,
      batteryHealth: null,
      storageFreeBytes: null,
      storageTotalBytes: null,
      lastStatusReportAt: null,
      appliedPolicyName: null,
      appliedPolicyVersion: null,
      policyCompliant: null,
      state: null,
      nonCompliance: [],
    });
  });

  it('ignores malformed numbers and dates instead of storing garbage', () => {
    const health = deviceHealth({
      memoryInfo: { totalInternalStorage: 'lots' },
      appliedPolicyVersion: '-3',
      lastStatusReportTime: 'yesterday',
    });
    expect([health.storageTotalBytes, health.appliedPolicyVersion, health.lastStatusReportAt]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('turns non-compliance details into French sentences for the technician', () => {
    expect(deviceHealth(TAB_A8).nonCompliance).toEqual([
      {
        code: 'APP_NOT_INSTALLED',
        setting: 'applications',
        packageName: 'fr.lalilo.app',
        message:
          "Application fr.lalilo.app : l'application n'est pas installée (le stockage de la tablette est plein).",
      },
      {
        code: 'USER_ACTION',
        setting: 'passwordPolicies',
        packageName: null,
        message:
          'Réglage « passwordPolicies » : une action est attendue sur la tablette (ouvrez-la et suivez le message affiché).',
      },
    ]);
  });
});
