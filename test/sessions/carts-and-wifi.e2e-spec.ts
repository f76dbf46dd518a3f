import ICAL from 'ical.js';
import { SimulatedDevice } from '@socle/agent';
import { ApiClient } from '../support/api-client';
import {
  createClassroom,
  createPack,
  createSchool,
  createTeacher,
  createTenant,
  enrollPack,
  expectCreated,
  Tenant,
} from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';
import { dayAt } from '../support/eventually';

/**
 * Carts as a technician sets them up and a teacher reads them, and the pack's Wi-Fi access point
 * under the loi Abeille: its schedule (JSON and iCalendar) and the time it was on for nothing.
 */
describe('Charging carts and the pack’s Wi-Fi', () => {
  let stack: TestStack;
  let town: Tenant;
  let schoolId: string;
  let pack: { id: string };
  let devices: SimulatedDevice[];
  let positionOf: (device: SimulatedDevice) => number;
  let cartId: string;

  beforeAll(async () => {
    stack = await startStack();
    town = await createTenant(stack);
    schoolId = (await createSchool(town.technician)).id;
    ({ pack, devices, positionOf } = await enrollPack(stack, town.technician, schoolId, 4, 12));
  }, 60_000);
  afterAll(async () => {
    devices?.forEach((device) => device.stop());
    await stack?.close();
  });

  const newCart = async (slotCount: number, label = `Chariot ${Math.random().toString(36).slice(2, 8)}`) =>
    expectCreated(
      await town.technician.post('/api/v1/carts', {
        schoolId,
        label,
        slotCount,
        location: 'Salle 12, 1er étage',
        options: { sync: true },
      }),
      'cart',
    );
  /** A lesson that already took place, written as history (booking the past is refused). */
  const pastLesson = async (startsAt: Date, endsAt: Date) => {
    const [{ classroom_id, teacher_id }] = await stack.dataSource.query(
      'SELECT classroom_id, teacher_id FROM class_sessions WHERE pack_id = $1 LIMIT 1',
      [pack.id],
    );
    await stack.dataSource.query(
      `INSERT INTO class_sessions (collectivite_id, school_id, pack_id, classroom_id, teacher_id, starts_at, ends_at, planned_ends_at, status, end_reason, started_at, ended_at, return_checked_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7, 'ended', 'scheduled', $6, $7, $7)`,
      [town.collectiviteId, schoolId, pack.id, classroom_id, teacher_id, startsAt, endsAt],
    );
  };
  const view = async (client: ApiClient = town.technician) => (await client.get(`/api/v1/carts/${cartId}`)).body;

  it('holds a pack only if it fits, belongs to the cart’s school and is in no other cart', async () => {
    const small = await newCart(10);
    expect(small).toMatchObject({
      slotCount: 10,
      options: { charging: true, sync: true, antiTheftLock: false },
      packId: null,
    });
    const tooSmall = await town.technician.put(`/api/v1/carts/${small.id}/pack`, { packId: pack.id });
    expect({ status: tooSmall.status, code: tooSmall.body.code }).toEqual({ status: 409, code: 'CART_TOO_SMALL' });

    const elsewhere = await newCart(15);
    const otherSchool = await createSchool(town.technician);
    const stranger = await newCartIn(otherSchool.id);
    const wrongSchool = await town.technician.put(`/api/v1/carts/${stranger.id}/pack`, { packId: pack.id });
    expect(wrongSchool.body.code).toBe('CART_PACK_OTHER_SCHOOL');

    const cart = await newCart(15);
    cartId = cart.id;
    expect((await town.technician.put(`/api/v1/carts/${cartId}/pack`, { packId: pack.id })).status).toBe(200);
    const twice = await town.technician.put(`/api/v1/carts/${elsewhere.id}/pack`, { packId: pack.id });
    expect({ status: twice.status, code: twice.body.code }).toEqual({ status: 409, code: 'PACK_ALREADY_IN_CART' });
    // A pack cannot grow past its cart either: the cart mirrors the pack's capacity through a cascading key.
    const tenPack = await createPack(town.technician, schoolId, 'ipados', 10);
    expect((await town.technician.put(`/api/v1/carts/${small.id}/pack`, { packId: tenPack.id })).status).toBe(200);
    const grown = await town.technician.patch(`/api/v1/packs/${tenPack.id}`, { capacity: 12 });
    expect({ status: grown.status, code: grown.body.code }).toEqual({ status: 409, code: 'CART_TOO_SMALL' });
    expect((await town.technician.patch(`/api/v1/packs/${pack.id}`, { capacity: 15 })).status).toBe(200);
    const [{ pack_capacity }] = await stack.dataSource.query('SELECT pack_capacity FROM carts WHERE id = $1', [cartId]);
    expect(pack_capacity).toBe(15);
    await town.technician.patch(`/api/v1/packs/${pack.id}`, { capacity: 12 });
    await expect(stack.dataSource.query('UPDATE carts SET slot_count = 11 WHERE id = $1', [cartId])).rejects.toThrow(
      /chk_carts_pack_fits/,
    );
  });

  it('puts tablet n in slot n, moves a tablet on request, and can renumber by serial', async () => {
    const auto = await view();
    for (const device of devices) {
      expect(auto.slots[positionOf(device) - 1].device).toMatchObject({
        id: device.deviceId,
        label: `tablette ${positionOf(device)}`,
      });
    }
    expect(auto.slots.filter((slot: { device: unknown }) => slot.device === null)).toHaveLength(15 - devices.length);

    const [first, second] = devices;
    const moved = await town.technician.put(`/api/v1/carts/${cartId}/slots/${positionOf(second)}`, {
      deviceId: first.deviceId,
    });
    expect(moved.body).toEqual({
      slotNumber: positionOf(second),
      deviceId: first.deviceId,
      displacedDeviceId: second.deviceId,
    });
    const after = await view();
    expect(after.slots[positionOf(first) - 1].device).toBeNull();
    expect(after.unassigned.map((device: { id: string }) => device.id)).toEqual([second.deviceId]);
    const outOfRange = await town.technician.put(`/api/v1/carts/${cartId}/slots/16`, { deviceId: second.deviceId });
    expect(outOfRange.body.code).toBe('SLOT_OUT_OF_RANGE');

    const bySerial = await town.technician.post(`/api/v1/carts/${cartId}/slots/auto-assign`, { order: 'serial' });
    expect(bySerial.body).toEqual({ assigned: devices.length });
    const serials = [...devices].sort((a, b) => a.serialNumber.localeCompare(b.serialNumber));
    const renumbered = await view();
    expect(
      renumbered.slots
        .slice(0, devices.length)
        .map((slot: { device: { serialNumber: string } }) => slot.device.serialNumber),
    ).toEqual(serials.map((device) => device.serialNumber));
    await town.technician.post(`/api/v1/carts/${cartId}/slots/auto-assign`, { order: 'position' });
  });

  it('shows each slot’s dock and charge state from the latest check-in, and the tablets missing from the cart', async () => {
    const [docked, notCharging, out] = devices;
    docked.docked = true;
    notCharging.docked = true;
    notCharging.charging = false;
    out.docked = false;
    await Promise.all([docked.checkIn(), notCharging.checkIn(), out.checkIn()]);
    const cart = await view();
    const slot = (device: SimulatedDevice) => cart.slots[positionOf(device) - 1].device;
    expect(slot(docked)).toMatchObject({
      docked: true,
      charging: true,
      batteryLevel: docked.health.battery.level,
      lastSeenAt: expect.any(String),
    });
    expect(slot(notCharging)).toMatchObject({ docked: true, charging: false });
    expect(slot(out)).toMatchObject({ docked: false });
    const missing = cart.missing.map((device: { id: string }) => device.id);
    expect(missing).toContain(out.deviceId);
    expect(missing).not.toContain(docked.deviceId);
    expect(cart.notCharging.map((device: { id: string }) => device.id)).toEqual([notCharging.deviceId]);
    expect(cart.counts).toMatchObject({ devices: 4, docked: 2, charging: 1 });
  });

  it('publishes the access point’s schedule from the bookings, as JSON and as an iCalendar feed', async () => {
    const declared = await town.technician.put(`/api/v1/carts/${cartId}/access-point`, {
      ssid: 'CLASSE-MOBILE-1',
      bssid: 'A4-5E-60-01-02-03',
      marginMinutes: 15,
    });
    expect(declared.body).toMatchObject({
      ssid: 'CLASSE-MOBILE-1',
      bssid: 'a4:5e:60:01:02:03',
      token: expect.stringMatching(/^sap_/),
    });
    const teacher = await createTeacher(stack, town, [schoolId]);
    const classroom = await createClassroom(town.technician, schoolId);
    const book = (start: Date, end: Date) =>
      teacher.post('/api/v1/sessions', {
        packId: pack.id,
        classroomId: classroom.id,
        startsAt: start.toISOString(),
        endsAt: end.toISOString(),
      });
    // Two lessons back to back in the morning make one window; the afternoon one another.
    for (const [start, end] of [
      [dayAt(30, 8), dayAt(30, 9)],
      [dayAt(30, 9), dayAt(30, 10)],
      [dayAt(30, 13), dayAt(30, 14)],
    ])
      expect((await book(start, end)).status).toBe(201);

    const schedule = await town.technician.get(
      `/api/v1/carts/${cartId}/access-point/schedule?from=${dayAt(30, 0).toISOString()}&to=${dayAt(31, 0).toISOString()}`,
    );
    expect(
      schedule.body.windows.map((window: { on: string; off: string; sessions: unknown[] }) => [
        window.on,
        window.off,
        window.sessions.length,
      ]),
    ).toEqual([
      [dayAt(30, 7, 45).toISOString(), dayAt(30, 10, 15).toISOString(), 2],
      [dayAt(30, 12, 45).toISOString(), dayAt(30, 14, 15).toISOString(), 1],
    ]);

    // A period that meets only the first lesson still gets the whole window, chained to the second one.
    const early = await town.technician.get(
      `/api/v1/carts/${cartId}/access-point/schedule?from=${dayAt(30, 0).toISOString()}&to=${dayAt(30, 7, 50).toISOString()}`,
    );
    expect(early.body.windows).toEqual([
      expect.objectContaining({ on: dayAt(30, 7, 45).toISOString(), off: dayAt(30, 10, 15).toISOString() }),
    ]);
    expect(early.body.windows[0].sessions).toHaveLength(2);

    const feed = await fetch(`${stack.apiUrl}/api/v1/access-points/schedule.ics?token=${declared.body.token}`);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(await feed.text()));
    const events = calendar.getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
    expect(
      events.map((event) => [event.startDate.toJSDate().toISOString(), event.endDate.toJSDate().toISOString()]),
    ).toEqual([
      [dayAt(30, 7, 45).toISOString(), dayAt(30, 10, 15).toISOString()],
      [dayAt(30, 12, 45).toISOString(), dayAt(30, 14, 15).toISOString()],
    ]);
    expect(events[0].summary).toBe('Wi-Fi allumé : CLASSE-MOBILE-1');
    expect(new Set(events.map((event) => event.uid)).size).toBe(2);
    const refused = await fetch(`${stack.apiUrl}/api/v1/access-points/schedule.ics?token=sap_${'x'.repeat(43)}`);
    expect(refused.status).toBe(401);
  });

  it('reports the time the access point was on while no session needed it (loi Abeille)', async () => {
    const token = (await town.technician.put(`/api/v1/carts/${cartId}/access-point`, { ssid: 'CLASSE-MOBILE-1' })).body
      .token;
    // A lesson that took place yesterday 9:00–10:00.
    await pastLesson(dayAt(-1, 9), dayAt(-1, 10));
    const report = (state: string, at: Date) =>
      fetch(`${stack.apiUrl}/api/v1/access-points/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ state, at: at.toISOString() }),
      });
    // On from 8:00 to 10:30: allowed 8:45–10:15, so 45 + 15 minutes for nothing.
    expect((await report('on', dayAt(-1, 8))).status).toBe(201);
    expect((await report('off', dayAt(-1, 10, 30))).status).toBe(201);
    const abeille = await town.technician.get(
      `/api/v1/carts/${cartId}/access-point/report?from=${dayAt(-1, 0).toISOString()}&to=${dayAt(-1, 23).toISOString()}`,
    );
    expect(abeille.body).toMatchObject({
      onSeconds: 9000,
      onOutsideSessionsSeconds: 3600,
      lastReport: { state: 'off' },
    });
    expect(abeille.body.outsideSessions).toEqual([
      { from: dayAt(-1, 8).toISOString(), to: dayAt(-1, 8, 45).toISOString(), seconds: 2700 },
      { from: dayAt(-1, 10, 15).toISOString(), to: dayAt(-1, 10, 30).toISOString(), seconds: 900 },
    ]);
    const future = await report('on', new Date(Date.now() + 3_600_000));
    expect(future.status).toBe(422);
    const anonymous = await fetch(`${stack.apiUrl}/api/v1/access-points/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state: 'on' }),
    });
    expect(anonymous.status).toBe(401);
  });

  it('counts the same time outside the windows for the same hours, wherever from and to fall around a window', async () => {
    const declared = await town.technician.put(`/api/v1/carts/${cartId}/access-point`, {
      ssid: 'CLASSE-MOBILE-1',
      marginMinutes: 15,
    });
    // The case: a lesson at 9:08 opens its window at 8:53; the access point is on from 8:43 to 10:25.
    await pastLesson(dayAt(-2, 9, 8), dayAt(-2, 10));
    for (const [state, at] of [
      ['on', dayAt(-2, 8, 43)],
      ['off', dayAt(-2, 10, 25)],
    ] as const) {
      const sent = await fetch(`${stack.apiUrl}/api/v1/access-points/reports`, {
        method: 'POST',
        headers: { authorization: `Bearer ${declared.body.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ state, at: at.toISOString() }),
      });
      expect(sent.status).toBe(201);
    }
    const window = { on: dayAt(-2, 8, 53).toISOString(), off: dayAt(-2, 10, 15).toISOString() };
    const outside = [
      [dayAt(-2, 8, 43), dayAt(-2, 8, 53)],
      [dayAt(-2, 10, 15), dayAt(-2, 10, 25)],
    ];
    const secondsOutside = (from: Date, to: Date) =>
      outside.reduce(
        (sum, [start, end]) =>
          sum + Math.max(0, Math.min(end.getTime(), to.getTime()) - Math.max(start.getTime(), from.getTime())) / 1000,
        0,
      );
    const query = (from: Date, to: Date) => `from=${from.toISOString()}&to=${to.toISOString()}`;
    // Each edge of the window and of the session, crossed from both sides, by from and by to.
    const edges = [
      [8, 40],
      [8, 50],
      [8, 53],
      [8, 55],
      [9, 5],
      [9, 10],
      [9, 58],
      [10, 5],
      [10, 12],
      [10, 15],
      [10, 20],
      [10, 30],
    ].map(([hours, minutes]) => dayAt(-2, hours, minutes));
    const periods = [
      ...edges.map((to) => [dayAt(-2, 0), to]),
      ...edges.map((from) => [from, dayAt(-2, 23)]),
      [dayAt(-2, 8, 50), dayAt(-2, 10, 20)],
      [dayAt(-2, 9, 5), dayAt(-2, 9, 10)],
    ];
    for (const [from, to] of periods) {
      const [report, schedule] = await Promise.all([
        town.technician.get(`/api/v1/carts/${cartId}/access-point/report?${query(from, to)}`),
        town.technician.get(`/api/v1/carts/${cartId}/access-point/schedule?${query(from, to)}`),
      ]);
      const period = `${from.toISOString()} → ${to.toISOString()}`;
      expect({ period, outside: report.body.onOutsideSessionsSeconds }).toEqual({
        period,
        outside: secondsOutside(from, to),
      });
      const published = schedule.body.windows.map(({ on, off }: { on: string; off: string }) => ({ on, off }));
      expect({ period, windows: report.body.windows }).toEqual({ period, windows: published });
      if (from < new Date(window.off) && to > new Date(window.on))
        expect({ period, published }).toEqual({ period, published: [window] });
    }
    const feed = await fetch(`${stack.apiUrl}/api/v1/access-points/schedule.ics?token=${declared.body.token}`);
    const events = new ICAL.Component(ICAL.parse(await feed.text()))
      .getAllSubcomponents('vevent')
      .map((vevent) => new ICAL.Event(vevent))
      .map((event) => ({ on: event.startDate.toJSDate().toISOString(), off: event.endDate.toJSDate().toISOString() }));
    expect(events).toContainEqual(window);
  });

  it('shows a teacher the carts of their school only, read-only; another collectivité gets 404 everywhere', async () => {
    const teacher = await createTeacher(stack, town, [schoolId]);
    const otherSchool = await createSchool(town.technician);
    const outsider = await createTeacher(stack, town, [otherSchool.id]);
    expect((await teacher.get(`/api/v1/carts/${cartId}`)).status).toBe(200);
    expect((await outsider.get(`/api/v1/carts/${cartId}`)).status).toBe(404);
    expect((await teacher.put(`/api/v1/carts/${cartId}/pack`, { packId: null })).status).toBe(403);
    expect((await outsider.get(`/api/v1/carts?schoolId=${schoolId}`)).body.items).toEqual([]);

    const intruder = await createTenant(stack);
    const theirs = expectCreated(
      await intruder.technician.post('/api/v1/carts', {
        schoolId: (await createSchool(intruder.technician)).id,
        label: 'A nous',
        slotCount: 15,
        location: 'x',
      }),
      'cart',
    );
    const before = await snapshot();
    for (const [name, call] of [
      ['GET cart', () => intruder.technician.get(`/api/v1/carts/${cartId}`)],
      ['PUT pack', () => intruder.technician.put(`/api/v1/carts/${cartId}/pack`, { packId: null })],
      ['PUT slot', () => intruder.technician.put(`/api/v1/carts/${cartId}/slots/1`, { deviceId: null })],
      [
        'auto-assign',
        () => intruder.technician.post(`/api/v1/carts/${cartId}/slots/auto-assign`, { order: 'position' }),
      ],
      ['PUT access point', () => intruder.technician.put(`/api/v1/carts/${cartId}/access-point`, { ssid: 'VOLE' })],
      ['GET schedule', () => intruder.technician.get(`/api/v1/carts/${cartId}/access-point/schedule`)],
      ['GET report', () => intruder.technician.get(`/api/v1/carts/${cartId}/access-point/report`)],
      [
        'POST cart in school',
        () => intruder.technician.post('/api/v1/carts', { schoolId, label: 'Intrus', slotCount: 15, location: 'x' }),
      ],
    ] as const) {
      const response = await call();
      expect({ name, status: response.status }).toEqual({ name, status: 404 });
      expect(JSON.stringify(response.body)).not.toContain('CLASSE-MOBILE-1');
    }
    expect((await intruder.technician.put(`/api/v1/carts/${theirs.id}/pack`, { packId: pack.id })).status).toBe(404);
    expect((await intruder.technician.get(`/api/v1/carts?schoolId=${schoolId}`)).body.items).toEqual([]);
    expect(await snapshot()).toEqual(before);
  });

  it('answers garbage on every cart and access-point route with 400 VALIDATION_FAILED, writing nothing', async () => {
    const garbage: unknown[] = [
      [],
      'pas du json',
      { unexpected: true },
      { packId: 'pas-un-uuid' },
      { deviceId: 42 },
      { order: 'hasard' },
      { ssid: '' },
      { ssid: 'x'.repeat(33) },
      { ssid: 'ok', marginMinutes: 500 },
      { slotCount: 0, schoolId, label: 'x', location: 'x' },
      { state: 'allumé' },
    ];
    const routes: Array<[string, string, ApiClient | null]> = [
      ['POST', '/api/v1/carts', town.technician],
      ['PUT', `/api/v1/carts/${cartId}/pack`, town.technician],
      ['PUT', `/api/v1/carts/${cartId}/slots/2`, town.technician],
      ['POST', `/api/v1/carts/${cartId}/slots/auto-assign`, town.technician],
      ['PUT', `/api/v1/carts/${cartId}/access-point`, town.technician],
      ['POST', '/api/v1/access-points/reports', null],
    ];
    const before = await snapshot();
    for (const [method, path, client] of routes) {
      for (const body of garbage) {
        const response = await (client ?? stack.api).request<{ code: string }>(method, path, body);
        // The access point's report checks its token only once the body is valid.
        expect({ path, body, status: response.status, code: response.body?.code }).toEqual({
          path,
          body,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
    }
    for (const path of [
      '/api/v1/carts/pas-un-id',
      `/api/v1/carts/${cartId}/slots/deux`,
      `/api/v1/carts/${cartId}/access-point/schedule?from=hier`,
      '/api/v1/access-points/schedule.ics?token=court',
    ]) {
      const response = path.includes('/slots/')
        ? await town.technician.put(path, { deviceId: null })
        : await town.technician.get(path);
      expect({ path, status: response.status, code: response.body.code }).toEqual({
        path,
        status: 400,
        code: 'VALIDATION_FAILED',
      });
    }
    expect(await snapshot()).toEqual(before);
  });

  async function newCartIn(otherSchoolId: string) {
    return expectCreated(
      await town.technician.post('/api/v1/carts', {
        schoolId: otherSchoolId,
        label: 'Ailleurs',
        slotCount: 15,
        location: 'Préau',
      }),
      'cart',
    );
  }

  async function snapshot() {
    const [row] = await stack.dataSource.query(
      `SELECT (SELECT count(*) FROM carts)::int AS carts, (SELECT count(*) FROM cart_slots)::int AS slots, (SELECT string_agg(cart_id || ':' || slot_number || ':' || device_id, ',' ORDER BY cart_id, slot_number) FROM cart_slots) AS layout,
              (SELECT count(*) FROM access_point_reports)::int AS reports, (SELECT string_agg(ssid || encode(token_hash, 'hex'), ',') FROM cart_access_points) AS access_points`,
    );
    return row;
  }
});
