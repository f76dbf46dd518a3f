import { ComplianceRuleSet, DeviceFacts, evaluateCompliance } from './evaluate-compliance';
import { compareOsVersions, parseOsVersion } from './os-version';

describe('OS versions', () => {
  it('compares number by number, not as text', () => {
    const cmp = (a: string, b: string) => Math.sign(compareOsVersions(parseOsVersion(a)!, parseOsVersion(b)!));
    expect(cmp('17.10', '17.9')).toBe(1);
    expect(cmp('17', '17.0.0')).toBe(0);
    expect(cmp('10.0.19045', '10.0.22631')).toBe(-1);
    expect(cmp('iPadOS 18.1 (22B83)', '18.0.1')).toBe(1);
    expect(parseOsVersion('inconnu')).toBeNull();
  });
});

describe('evaluateCompliance', () => {
  const now = new Date('2025-03-10T12:00:00Z');
  const rules: ComplianceRuleSet = {
    minOsVersions: { ipados: '17.4' },
    maxDaysWithoutCheckin: 7,
    minBatteryHealth: 80,
    requiredProfiles: [{ id: 'p1', name: 'Cycle 3' }],
    requireFiltering: true,
  };
  const healthy: DeviceFacts = {
    osFamily: 'ipados',
    osVersion: '17.10',
    lastCheckinAt: new Date('2025-03-09T08:00:00Z'),
    enrolledAt: new Date('2025-01-01T00:00:00Z'),
    batteryHealth: 91,
    installedProfileIds: ['p1'],
    filteringInstalled: 'r1',
    filteringDesired: 'r1',
  };
  const codes = (device: Partial<DeviceFacts>) =>
    evaluateCompliance(rules, { ...healthy, ...device }, now).map((reason) => reason.code);

  it('finds nothing wrong with a device in line', () => expect(codes({})).toEqual([]));

  it('names every rule a device breaks', () => {
    expect(
      codes({
        osVersion: '17.3.1',
        lastCheckinAt: new Date('2025-03-01T11:00:00Z'),
        batteryHealth: 70,
        installedProfileIds: [],
        filteringInstalled: 'old',
      }),
    ).toEqual(['OS_VERSION_TOO_OLD', 'CHECKIN_OVERDUE', 'BATTERY_HEALTH_LOW', 'PROFILE_MISSING', 'FILTERING_OUTDATED']);
    expect(codes({ osVersion: null, filteringInstalled: null })).toEqual(['OS_VERSION_UNKNOWN', 'FILTERING_MISSING']);
    expect(codes({ filteringDesired: null, filteringInstalled: null })).toEqual(['FILTERING_MISSING']);
  });

  it('applies the minimum of the device’s own OS family only, and forgives an unreported battery health', () => {
    expect(codes({ osFamily: 'android', osVersion: '13' })).toEqual([]);
    expect(codes({ batteryHealth: null })).toEqual([]);
  });

  it('counts days from enrollment for a device that never checked in', () => {
    expect(codes({ lastCheckinAt: null, enrolledAt: new Date('2025-03-01T00:00:00Z') })).toEqual(['CHECKIN_OVERDUE']);
  });
});
