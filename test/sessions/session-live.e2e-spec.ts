import { SimulatedDevice } from '@socle/agent';
import { ApiClient } from '../support/api-client';
import { createSchool, createTeacher, createTenant, expectCreated, login, Tenant } from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';
import { createClassroom, enrollPack } from '../support/factories';
import { dayAt } from '../support/eventually';

interface SseEvent {
  event: string;
  data: any;
}

/** Reads server-sent events from a stream until `count` have arrived, then hangs up. */
async function readEvents(url: string, count: number, meanwhile?: () => Promise<unknown>): Promise<SseEvent[]> {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  let started = false;
  try {
    while (events.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const field = (name: string) => block.match(new RegExp(`^${name}: ?(.*)$`, 'm'))?.[1];
        if (field('data') !== undefined)
          events.push({ event: field('event') ?? 'message', data: JSON.parse(field('data')!) });
      }
      if (!started && events.length && meanwhile) {
        started = true;
        await meanwhile();
      }
    }
  } finally {
    abort.abort();
  }
  return events;
}

/**
 * The live grid's stream: opened with a one-minute token of its own (EventSource sends no header),
 * refused without it, with another session's, with a bearer token, or once the bearer is logged out;
 * and it pushes the grid again when a device's state changes.
 */
describe('Session live grid (server-sent events)', () => {
  let stack: TestStack;
  let town: Tenant;
  let teacher: ApiClient;
  let devices: SimulatedDevice[];
  let sessionId: string;
  let otherSessionId: string;

  beforeAll(async () => {
    stack = await startStack();
    town = await createTenant(stack);
    const school = await createSchool(town.technician);
    const room = await createClassroom(town.technician, school.id, 'CE1');
    teacher = await createTeacher(stack, town, [school.id]);
    const enrolled = await enrollPack(stack, town.technician, school.id, 2, 10);
    devices = enrolled.devices;
    const book = async (days: number) =>
      expectCreated(
        await teacher.post('/api/v1/sessions', {
          packId: enrolled.pack.id,
          classroomId: room.id,
          startsAt: dayAt(days, 8).toISOString(),
          endsAt: dayAt(days, 9).toISOString(),
        }),
        'session',
      ).id;
    [sessionId, otherSessionId] = [await book(3), await book(4)];
  }, 90_000);

  afterAll(async () => {
    devices?.forEach((device) => device.stop());
    await stack?.close();
  });

  const liveToken = async (client: ApiClient, id = sessionId) =>
    (await client.get(`/api/v1/sessions/${id}/live-token`)).body;
  const streamUrl = (id: string, token?: string) =>
    `${stack.apiUrl}/api/v1/sessions/${id}/live${token === undefined ? '' : `?token=${encodeURIComponent(token)}`}`;

  it('sends the grid at once, then again when a device reports a change', async () => {
    const { token, expiresAt, streamUrl: path } = await liveToken(teacher);
    expect(path).toBe(`/api/v1/sessions/${sessionId}/live`);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(60_000);
    const events = await readEvents(streamUrl(sessionId, token), 2, async () => {
      devices[0].docked = true;
      await devices[0].checkIn();
    });
    expect(events.map((event) => event.event)).toEqual(['grid', 'grid']);
    expect(events[0].data).toMatchObject({ sessionId, status: 'scheduled', screensLocked: false });
    expect(events[0].data.devices.map((device: { number: number }) => device.number)).toEqual([1, 2]);
    expect(events[0].data.devices[0].docked).toBe(false);
    expect(events[1].data.devices[0]).toMatchObject({ number: 1, docked: true, label: 'tablette 1' });
  });

  it('refuses a stream without a token, with another session’s token, or with a bearer token', async () => {
    const missing = await fetch(streamUrl(sessionId));
    expect(missing.status).toBe(401);
    const body: any = await missing.json();
    expect(body).toMatchObject({ code: 'LIVE_TOKEN_INVALID' });
    expect(body.message).toMatch(/rechargez la page/);
    const other = await liveToken(teacher, otherSessionId);
    expect((await fetch(streamUrl(sessionId, other.token))).status).toBe(401);
    expect((await fetch(streamUrl(sessionId, teacher.token))).status).toBe(401);
    expect((await fetch(streamUrl(sessionId, `${other.token.slice(0, -2)}xx`))).status).toBe(401);
  });

  it('does not let a stream token stand in for a bearer token', async () => {
    const { token } = await liveToken(teacher);
    const asBearer = await teacher.as(token).get(`/api/v1/sessions/${sessionId}`);
    expect(asBearer.status).toBe(401);
  });

  it('hides another collectivité’s session, and the token dies with the bearer token at logout', async () => {
    const elsewhere = await createTenant(stack);
    const stranger = await liveToken(elsewhere.technician);
    expect(stranger).toMatchObject({ code: 'SESSION_NOT_FOUND' });
    const fresh = await login(stack.api, town.adminEmail, 'mot-de-passe-solide');
    const { token } = await liveToken(fresh);
    expect((await fresh.post('/api/v1/auth/logout')).status).toBe(204);
    expect((await fetch(streamUrl(sessionId, token))).status).toBe(401);
  });
});
