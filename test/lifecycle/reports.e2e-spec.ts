import { ApiClient } from '../support/api-client';
import { createPack, createTenant, expectCreated, randomUai, Tenant } from '../support/factories';
import { numbered, seedDevices } from '../support/seed-devices';
import { csvRecords } from '../support/csv';
import { startStack, TestStack } from '../support/test-stack';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const GB = 1_000_000_000;

/**
 * Every figure of the four reports against a fleet whose answers are known by construction:
 *
 *   École A  8 classes, 12 Mbit/s   P1 iPadOS ×12 (10 active, 2 locked)   P2 Android ×9 active + 1 retiring (capacity 10)
 *   École B  2 classes,  5 Mbit/s   no pack, no device
 *   École C 16 classes, not measured P3 iPadOS ×10 of a 700 g model, silent for 10 days
 *   École D  4 classes, 10 Mbit/s   P4 Windows laptops ×10
 *   outside any pack: 2 registered, 1 retired, 1 taken back
 *
 * plus another collectivité's devices, which must never count.
 */
describe('Reports against a seeded fleet with known answers', () => {
  let stack: TestStack;
  let town: Tenant;
  let other: Tenant;
  const school: Record<'A' | 'B' | 'C' | 'D', { id: string; name: string }> = {} as never;
  const pack: Record<'P1' | 'P2' | 'P3' | 'P4', { id: string; name: string }> = {} as never;

  const createSchool = async (client: ApiClient, name: string, classCount: number, bandwidthMbps?: number) =>
    expectCreated(
      await client.post('/api/v1/schools', {
        uai: randomUai(),
        name,
        classCount,
        ...(bandwidthMbps === undefined ? {} : { bandwidthMbps }),
      }),
      'school',
    );

  beforeAll(async () => {
    stack = await startStack();
    [town, other] = await Promise.all([createTenant(stack), createTenant(stack)]);
    school.A = await createSchool(town.technician, 'École A', 8, 12);
    school.B = await createSchool(town.technician, 'École B', 2, 5);
    school.C = await createSchool(town.technician, 'École C', 16);
    school.D = await createSchool(town.technician, 'École D', 4, 10);
    pack.P1 = await createPack(town.technician, school.A.id, 'ipados', 15);
    pack.P2 = await createPack(town.technician, school.A.id, 'android', 10);
    pack.P3 = await createPack(town.technician, school.C.id, 'ipados', 10);
    pack.P4 = await createPack(town.technician, school.D.id, 'windows', 10);
    for (const model of [
      {
        name: 'iPad 10.9',
        osFamily: 'ipados',
        weightGrams: 477,
        screenInches: 10.9,
        lastSupportedOs: 'iPadOS 26',
        osSupportEnd: '2029-09-30',
      },
      {
        name: 'Tablette Lourde',
        osFamily: 'ipados',
        weightGrams: 700,
        screenInches: 10.1,
        lastSupportedOs: 'iPadOS 17',
        osSupportEnd: '2025-06-30',
      },
      { name: 'PC Portable', osFamily: 'windows', weightGrams: 1400, screenInches: 14, osSupportEnd: '2032-10-14' },
    ]) {
      expectCreated(await town.technician.post('/api/v1/device-models', model), 'model');
    }

    const inPack = (p: { id: string }, capacity: number, i: number) => ({
      packId: p.id,
      packCapacity: capacity,
      positionInPack: i,
    });
    await seedDevices(stack.dataSource, town.collectiviteId, [
      ...numbered(12, (i) => ({
        serialNumber: `P1-${i}`,
        osFamily: 'ipados',
        deviceKind: 'tablet',
        model: 'iPad 10.9',
        ...inPack(pack.P1, 15, i),
        state: i <= 10 ? 'active' : 'locked',
        lastCheckinAt: i <= 8 ? hoursAgo(1) : i <= 10 ? hoursAgo(72) : null,
        batteryLevel: i * 8,
        batteryHealth: i <= 3 ? 55 : i <= 6 ? 70 : 90,
        batteryCharging: i % 2 === 0,
        storageTotalBytes: 64 * GB,
        storageFreeBytes: i <= 2 ? 3 * GB : 32 * GB,
        osVersion: i <= 4 ? '17.5' : '18.1',
        purchaseDate: '2022-09-01',
        purchasePrice: i === 1 ? null : 400,
        warrantyEnd: i <= 4 ? '2026-07-01' : i <= 8 ? '2027-12-31' : i <= 10 ? '2025-12-31' : null,
        maintenanceMode: i <= 6 ? 'warranty_extension' : 'maintenance_contract',
        maintenanceEnd: i === 9 ? '2026-08-01' : null,
      })),
      ...numbered(10, (i) => ({
        serialNumber: `P2-${i}`,
        osFamily: 'android',
        deviceKind: 'tablet',
        model: 'Galaxy Tab A8',
        ...inPack(pack.P2, 10, i),
        state: i <= 9 ? 'active' : 'retiring',
        lastCheckinAt: hoursAgo(1),
        batteryLevel: 50,
        batteryHealth: 85,
        osVersion: '14',
        purchaseDate: '2025-01-10',
        warrantyEnd: '2028-01-01',
        purchasePrice: 250,
      })),
      ...numbered(10, (i) => ({
        serialNumber: `P3-${i}`,
        osFamily: 'ipados',
        deviceKind: 'tablet',
        model: 'Tablette Lourde',
        ...inPack(pack.P3, 10, i),
        state: 'active',
        lastCheckinAt: hoursAgo(240),
        osVersion: '17.7',
        purchaseDate: '2019-03-01',
        warrantyEnd: '2026-06-15',
        maintenanceMode: 'lease',
        purchasePrice: 300,
      })),
      ...numbered(10, (i) => ({
        serialNumber: `P4-${i}`,
        osFamily: 'windows',
        deviceKind: 'laptop',
        model: 'PC Portable',
        ...inPack(pack.P4, 10, i),
        state: 'active',
        lastCheckinAt: hoursAgo(1),
        osVersion: '11',
        purchaseDate: '2024-09-01',
        warrantyEnd: i <= 5 ? '2026-09-13' : '2026-09-14',
        maintenanceMode: 'municipal_staff',
        purchasePrice: 700,
      })),
      { serialNumber: 'SPARE-1', osFamily: 'ipados', deviceKind: 'tablet', state: 'registered' },
      { serialNumber: 'SPARE-2', osFamily: 'ipados', deviceKind: 'tablet', state: 'registered' },
      {
        serialNumber: 'GONE-1',
        osFamily: 'ipados',
        deviceKind: 'tablet',
        state: 'retired',
        warrantyEnd: '2026-07-01',
        purchasePrice: 999,
      },
      {
        serialNumber: 'GONE-2',
        osFamily: 'ipados',
        deviceKind: 'tablet',
        state: 'taken_back',
        warrantyEnd: '2026-07-01',
        purchasePrice: 999,
      },
    ]);
    for (const [schoolId, packId] of [
      [school.A.id, pack.P1.id],
      [school.C.id, pack.P3.id],
      [school.D.id, pack.P4.id],
    ]) {
      const cart = expectCreated(
        await town.technician.post('/api/v1/carts', {
          schoolId,
          label: `Chariot ${packId.slice(0, 4)}`,
          slotCount: 16,
          location: 'Salle 1',
        }),
        'cart',
      );
      expectCreated(
        await town.technician.request('PUT', `/api/v1/carts/${cart.id}/pack`, { packId, autoAssign: 'none' }),
        'cart pack',
      );
    }
    const foreignSchool = await createSchool(other.technician, 'École étrangère', 8, 50);
    const foreignPack = await createPack(other.technician, foreignSchool.id, 'ipados', 10);
    await seedDevices(
      stack.dataSource,
      other.collectiviteId,
      numbered(10, (i) => ({
        serialNumber: `P1-${i}`,
        osFamily: 'ipados',
        deviceKind: 'tablet',
        model: 'iPad 10.9',
        ...inPack(foreignPack, 10, i),
        state: 'active',
        lastCheckinAt: hoursAgo(1),
        purchaseDate: '2026-01-01',
        warrantyEnd: '2026-07-01',
        purchasePrice: 5000,
      })),
    );
  });
  afterAll(() => stack.close());

  const line = <T extends { packId?: string | null; schoolId: string | null; level?: string }>(
    lines: T[],
    where: Partial<T>,
  ) => lines.find((candidate) => Object.entries(where).every(([key, value]) => candidate[key as keyof T] === value));

  describe('fleet health', () => {
    it('counts states, check-ins, batteries, storage and OS versions per pack, per school, and outside any pack', async () => {
      const report = (await town.admin.get('/api/v1/reports/fleet-health')).body;
      const p1 = line(report.lines, { packId: pack.P1.id });
      expect(p1).toMatchObject({
        level: 'pack',
        schoolName: 'École A',
        devices: 12,
        managed: 12,
        byState: { active: 10, locked: 2, registered: 0, retiring: 0 },
        checkedIn24h: 8,
        checkedIn24hShare: 0.667,
        checkedIn7d: 10,
        checkedIn7dShare: 0.833,
        notSeen: 2,
        battery: {
          level: { '0-19': 2, '20-49': 4, '50-79': 3, '80-100': 3, unknown: 0 },
          health: { '0-59': 3, '60-79': 3, '80-100': 6, unknown: 0 },
          charging: 6,
        },
        storage: { totalBytes: 768 * GB, freeBytes: 326 * GB, lowFreeSpace: 2, unknown: 0 },
        osVersions: { 'ipados 17.5': 4, 'ipados 18.1': 8 },
        compliance: { compliant: 0, nonCompliant: 0, unknown: 12 },
      });
      expect(line(report.lines, { packId: pack.P2.id })).toMatchObject({
        devices: 10,
        managed: 9,
        byState: { active: 9, retiring: 1 },
        checkedIn24h: 9,
        checkedIn24hShare: 1,
        storage: { unknown: 9 },
        osVersions: { 'android 14': 9 },
      });
      expect(line(report.lines, { schoolId: school.A.id, level: 'school' })).toMatchObject({
        devices: 22,
        managed: 21,
        checkedIn24h: 17,
        checkedIn24hShare: 0.81,
        osVersions: { 'ipados 17.5': 4, 'ipados 18.1': 8, 'android 14': 9 },
      });
      expect(line(report.lines, { schoolId: school.C.id, level: 'school' })).toMatchObject({
        devices: 10,
        checkedIn24h: 0,
        checkedIn7d: 0,
        notSeen: 10,
      });
      expect(line(report.lines, { schoolId: school.B.id, level: 'school' })).toMatchObject({
        devices: 0,
        managed: 0,
        checkedIn24hShare: null,
        osVersions: {},
      });
      expect(line(report.lines, { schoolId: null, level: 'unassigned' })).toMatchObject({
        devices: 4,
        managed: 0,
        byState: { registered: 2, retired: 1, taken_back: 1 },
      });
      expect(report.totals).toMatchObject({ devices: 46, managed: 41, checkedIn24h: 27, notSeen: 12 });
      expect(report.lines.filter((candidate: { level: string }) => candidate.level === 'school')).toHaveLength(4);
    });

    it('takes the "not seen" threshold, and a school filter that leaves out every other school and the spare devices', async () => {
      const report = (await town.technician.get(`/api/v1/reports/fleet-health?schoolId=${school.A.id}&notSeenDays=2`))
        .body;
      const [first, ...packs] = report.lines.map(
        (candidate: { level: string; packId: string | null; schoolId: string }) =>
          `${candidate.level}:${candidate.packId ?? candidate.schoolId}`,
      );
      expect(first).toBe(`school:${school.A.id}`);
      expect(packs.sort()).toEqual([`pack:${pack.P1.id}`, `pack:${pack.P2.id}`].sort());
      expect(line(report.lines, { packId: pack.P1.id })).toMatchObject({ notSeen: 4 });
      expect(report.totals.devices).toBe(22);
    });
  });

  describe('warranty', () => {
    it('splits covered / expiring / expired per school and maintenance mode, with the value of what expires', async () => {
      const report = (await town.admin.get('/api/v1/reports/warranty?asOf=2026-06-15&withinDays=90')).body;
      const of = (schoolId: string | null, maintenanceMode: string | null) =>
        line(report.lines, { schoolId, maintenanceMode } as never);
      expect(of(school.A.id, 'warranty_extension')).toMatchObject({
        devices: 6,
        covered: 2,
        expiring: 4,
        expired: 0,
        unknown: 0,
        expiringValue: 1200,
        expiredValue: 0,
        withoutPrice: 1,
        nextExpiry: '2026-07-01',
      });
      expect(of(school.A.id, 'maintenance_contract')).toMatchObject({
        devices: 6,
        covered: 2,
        expiring: 1,
        expired: 1,
        unknown: 2,
        expiringValue: 400,
        expiredValue: 400,
        withoutPrice: 0,
        nextExpiry: '2026-08-01',
      });
      expect(of(school.A.id, 'none')).toMatchObject({ devices: 10, covered: 10, expiring: 0 });
      expect(of(school.B.id, null)).toMatchObject({
        devices: 0,
        covered: 0,
        expiring: 0,
        expired: 0,
        unknown: 0,
        expiringValue: 0,
      });
      expect(of(school.C.id, 'lease')).toMatchObject({
        devices: 10,
        expiring: 10,
        expiringValue: 3000,
        nextExpiry: '2026-06-15',
      });
      expect(of(school.D.id, 'municipal_staff')).toMatchObject({
        devices: 10,
        expiring: 5,
        covered: 5,
        expiringValue: 3500,
        nextExpiry: '2026-09-13',
      });
      expect(of(null, 'none')).toMatchObject({ devices: 2, unknown: 2 });
      expect(report.lines).toHaveLength(7);
      expect(report.totals).toEqual({
        devices: 44,
        covered: 19,
        expiring: 20,
        expired: 1,
        unknown: 4,
        expiringValue: 8100,
        expiredValue: 400,
        withoutPrice: 1,
      });
    });
  });

  describe('socle numérique de base', () => {
    it('says, school by school, what is missing', async () => {
      const report = (await town.admin.get('/api/v1/reports/socle')).body;
      const of = (id: string): any => line(report.lines, { schoolId: id });
      expect(of(school.A.id)).toMatchObject({
        size: 'medium',
        packs: 2,
        requiredPacks: 2,
        bandwidthMbps: 12,
        requiredBandwidthMbps: 10,
        compliant: false,
      });
      expect(of(school.A.id)!.missing).toEqual([
        `Pack « ${pack.P2.name} » : 9 appareil(s) en service, un pack en compte 10, 12 ou 15.`,
        `Pack « ${pack.P2.name} » : pas de chariot (malle) de rangement et de recharge.`,
      ]);
      expect(
        of(school.A.id)!.packDetails.find((detail: { packId: string }) => detail.packId === pack.P2.id),
      ).toMatchObject({ devices: 9, tabletsNotChecked: 9, mixedOs: false, hasCart: false });
      expect(
        of(school.A.id)!.packDetails.find((detail: { packId: string }) => detail.packId === pack.P1.id),
      ).toMatchObject({ devices: 12, tabletsNotChecked: 0, hasCart: true });
      expect(report.cartsChecked).toBe(true);
      expect(of(school.B.id)).toMatchObject({
        size: 'small',
        packs: 0,
        requiredPacks: 1,
        requiredBandwidthMbps: 8,
        compliant: false,
      });
      expect(of(school.B.id)!.missing).toEqual([
        '0 pack(s) pour 2 classe(s) : il en faut au moins 1 (un pour quatre classes).',
        'Débit Internet de 5 Mbit/s : 8 Mbit/s attendus pour une école de 3 classes ou moins.',
      ]);
      expect(of(school.C.id)).toMatchObject({
        size: 'large',
        requiredPacks: 4,
        requiredBandwidthMbps: 15,
        bandwidthMbps: null,
        compliant: false,
      });
      expect(of(school.C.id)!.missing).toEqual([
        '1 pack(s) pour 16 classe(s) : il en faut au moins 4 (un pour quatre classes).',
        `Pack « ${pack.P3.name} » : 10 tablette(s) de plus de 600 g (Tablette Lourde).`,
        "Débit Internet non renseigné : mesurez-le (15 Mbit/s attendus) et saisissez-le sur la fiche de l'école.",
      ]);
      expect(of(school.D.id)).toMatchObject({ size: 'medium', compliant: true, missing: [] });
      expect(report.totals).toEqual({ schools: 4, compliant: 1, notCompliant: 3 });
    });
  });

  describe('renewal planning', () => {
    it('budgets, year by year, the devices reaching the end of their OS support or of their useful life', async () => {
      const report = (await town.admin.get('/api/v1/reports/renewal?asOf=2026-06-15&years=5&lifespanYears=5')).body;
      expect(report.years).toEqual([
        {
          year: 2026,
          coverageEnds: 25,
          osSupportEnds: 0,
          lifespanReached: 0,
          renewalsDue: 0,
          budget: 0,
          withoutPrice: 0,
        },
        {
          year: 2027,
          coverageEnds: 4,
          osSupportEnds: 0,
          lifespanReached: 12,
          renewalsDue: 12,
          budget: 4400,
          withoutPrice: 1,
        },
        {
          year: 2028,
          coverageEnds: 10,
          osSupportEnds: 0,
          lifespanReached: 0,
          renewalsDue: 0,
          budget: 0,
          withoutPrice: 0,
        },
        {
          year: 2029,
          coverageEnds: 0,
          osSupportEnds: 12,
          lifespanReached: 10,
          renewalsDue: 10,
          budget: 7000,
          withoutPrice: 0,
        },
        {
          year: 2030,
          coverageEnds: 0,
          osSupportEnds: 0,
          lifespanReached: 10,
          renewalsDue: 10,
          budget: 2500,
          withoutPrice: 0,
        },
      ]);
      expect(report).toMatchObject({
        devices: 44,
        overdue: { renewalsDue: 10, budget: 3000, withoutPrice: 0 },
        later: { renewalsDue: 0, budget: 0 },
        unplanned: 2,
        unknownAge: 2,
      });
      expect(report.ageDistribution).toEqual([
        { ageYears: 1, devices: 20 },
        { ageYears: 3, devices: 12 },
        { ageYears: 7, devices: 10 },
      ]);
    });
  });

  it('exports each report as CSV with the same figures', async () => {
    const csv = async (path: string) => {
      const response = await town.admin.download(`/api/v1/reports/${path}`);
      expect(response.headers.get('content-type')).toContain('text/csv');
      return csvRecords(response.text);
    };
    const health = await csv('fleet-health.csv');
    expect(health.find((row) => row.packId === pack.P1.id)).toMatchObject({
      devices: '12',
      checkedIn24h: '8',
      checkedIn24hShare: '0.667',
      'battery.level.0-19': '2',
      osVersions: 'ipados 17.5=4 | ipados 18.1=8',
    });
    const warranty = await csv('warranty.csv?asOf=2026-06-15');
    expect(warranty.find((row) => row.schoolId === school.C.id)).toMatchObject({
      maintenanceMode: 'lease',
      expiring: '10',
      expiringValue: '3000',
    });
    const socle = await csv('socle.csv');
    expect(socle.find((row) => row.schoolId === school.B.id)).toMatchObject({
      compliant: 'false',
      packs: '0',
      missing: expect.stringContaining('il en faut au moins 1'),
    });
    const renewal = await csv('renewal.csv?asOf=2026-06-15');
    expect(renewal.map((row) => `${row.period}:${row.renewalsDue}:${row.budget}`)).toEqual([
      'overdue:10:3000',
      '2026:0:0',
      '2027:12:4400',
      '2028:0:0',
      '2029:10:7000',
      '2030:10:2500',
      'later:0:0',
    ]);
  });

  it('shows another collectivité none of these figures, and refuses teachers', async () => {
    for (const path of ['fleet-health', 'warranty', 'socle', 'renewal']) {
      const own = (await other.admin.get(`/api/v1/reports/${path}?asOf=2026-06-15`)).body;
      expect(JSON.stringify(own)).not.toContain('École A');
      const filtered = await other.admin.get(`/api/v1/reports/${path}?schoolId=${school.A.id}`);
      expect({ path, status: filtered.status, text: JSON.stringify(filtered.body).includes('École A') }).toEqual({
        path,
        status: 200,
        text: false,
      });
    }
    const foreignWarranty = (await other.admin.get('/api/v1/reports/warranty?asOf=2026-06-15')).body;
    expect(foreignWarranty.totals).toMatchObject({ devices: 10, expiring: 10, expiringValue: 50000 });
    const { createTeacher } = await import('../support/factories');
    const teacher = await createTeacher(stack, town, [school.A.id]);
    expect((await teacher.get('/api/v1/reports/fleet-health')).status).toBe(403);
    for (const bad of [
      'fleet-health?notSeenDays=0',
      'warranty?withinDays=abc',
      'renewal?years=99',
      'socle?schoolId=pas-un-uuid',
      'warranty?asOf=15/06/2026',
    ]) {
      const response = await town.admin.get(`/api/v1/reports/${bad}`);
      expect({ bad, status: response.status, code: response.body.code }).toEqual({
        bad,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
  });
});
