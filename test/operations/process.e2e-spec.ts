import { Client } from 'pg';
import { LaunchedProcess, launchParts, loadConfig, SocleConfig } from '@socle/core';
import { apiPart } from '../../apps/api/src/api-part';
import { gatewayPart } from '../../apps/gateway/src/gateway-part';
import { workerPart } from '../../apps/worker/src/worker-part';
import { ApiClient } from '../support/api-client';
import { createPack, createSchool, createTenant, issueToken, simulatedDevice } from '../support/factories';
import { PLATFORM_ADMIN, startStack, TestStack } from '../support/test-stack';

const METRICS_TOKEN = 'jeton-des-metriques-de-test';

/** Issue 10, operations: one process running the three apps as `npm start` does, watched and stopped as an operator would. */
describe('One Socle process: health of every part, metrics, graceful stop', () => {
  let launched: LaunchedProcess;
  let config: SocleConfig;
  let api: ApiClient;
  let gatewayUrl: string;
  let stopped = false;

  beforeAll(async () => {
    process.env.SOCLE_BOOTSTRAP_ADMIN_EMAIL = PLATFORM_ADMIN.email;
    process.env.SOCLE_BOOTSTRAP_ADMIN_PASSWORD = PLATFORM_ADMIN.password;
    config = Object.assign(loadConfig(), {
      apiPort: 0,
      gatewayPort: 0,
      listenHost: '127.0.0.1',
      metricsToken: METRICS_TOKEN,
      shutdownTimeoutSeconds: 20,
      logLevel: 'warn',
    });
    launched = await launchParts([workerPart, apiPart, gatewayPart], config);
    const url = (name: string) => launched.parts.find((part) => part.name === name)!.url!;
    api = new ApiClient(url('api').replace(/\/api$/, ''));
    gatewayUrl = url('gateway').replace(/\/v1$/, '');
    config.publicGatewayUrl = gatewayUrl;
  }, 120_000);
  afterAll(async () => {
    if (!stopped) await launched?.stop();
  });

  const metrics = async (base: string, token?: string) => {
    const response = await fetch(`${base}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: response.status, text: await response.text() };
  };

  it('reports the api, the gateway and the worker of the process in /api/health', async () => {
    const health = await api.get('/api/health');
    expect(health.status).toBe(200);
    for (const part of ['database', 'redis', 'api', 'gateway', 'worker'])
      expect({ part, status: health.body.details[part]?.status }).toEqual({ part, status: 'up' });
  });

  it('counts enrollments, check-ins and commands, and times requests by route pattern, for the bearer of the token only', async () => {
    const rootCaPem = await rootCa(config);
    const stack = { api, gatewayUrl, rootCaPem } as unknown as TestStack;
    const town = await createTenant(stack);
    const school = await createSchool(town.technician);
    const pack = await createPack(town.technician, school.id, 'windows', 10);
    const device = simulatedDevice(stack, 'windows');
    const { deviceId } = await device.enroll((await issueToken(town.technician, pack.id)).token);
    await device.checkIn();
    expect((await town.technician.post(`/api/v1/devices/${deviceId}/commands`, { type: 'lock' })).status).toBe(201);
    expect((await town.technician.get(`/api/v1/schools/${school.id}`)).status).toBe(200);

    expect(await metrics(api.baseUrl)).toMatchObject({
      status: 401,
      text: expect.stringContaining('METRICS_TOKEN_REQUIRED'),
    });
    expect((await metrics(api.baseUrl, 'un-autre-jeton-bien-long')).status).toBe(401);
    const { status, text } = await metrics(api.baseUrl, METRICS_TOKEN);
    expect(status).toBe(200);
    for (const series of [
      /^socle_http_request_duration_seconds_count\{app="api",method="GET",route="\/api\/v1\/schools\/:id",status="200"\} 1$/m,
      /^socle_http_request_duration_seconds_count\{app="gateway",method="POST",route="\/v1\/checkin",status="\d+"\} 1$/m,
      /^socle_device_enrollments_total\{protocol="agent",outcome="ok"\} 1$/m,
      /^socle_device_checkins_total\{protocol="agent",outcome="ok"\} 1$/m,
      /^socle_device_commands\{type="lock",status="pending"\} 1$/m,
      /^socle_queue_jobs\{queue="delivery",state="failed"\} \d+$/m,
      /^socle_db_pool_connections\{app="api",state="total"\} [1-9]\d*$/m,
      /^socle_db_pool_connections\{app="gateway",state="waiting"\} 0$/m,
      /^socle_process_resident_memory_bytes \d+/m,
    ])
      expect({ series: String(series), found: series.test(text) }).toEqual({ series: String(series), found: true });
    // Raw URLs never become series: an id would make one per school.
    expect(text).not.toContain(school.id);
  });

  it('stops within the time limit: long-polls answered at once, then nothing listens any more', async () => {
    const rootCaPem = await rootCa(config);
    const stack = { api, gatewayUrl, rootCaPem } as unknown as TestStack;
    const town = await createTenant(stack);
    const pack = await createPack(town.technician, (await createSchool(town.technician)).id, 'linux', 10);
    const device = simulatedDevice(stack, 'linux');
    await device.enroll((await issueToken(town.technician, pack.id)).token);
    await device.checkIn();
    const waiting = device.waitForWake(55);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const worker = launched.parts.find((part) => part.name === 'worker')!;
    const stopping = launched.stop();
    stopped = true;
    // Answered "not woken" by the stopping gateway, long before its 55 s.
    await expect(waiting).resolves.toBe(false);
    await expect(stopping).resolves.toBe(true);
    expect(await worker.health()).toMatchObject({ up: false });
    await expect(fetch(`${api.baseUrl}/api/health`)).rejects.toThrow();
  });
});

describe('Metrics on a port of their own, or not at all', () => {
  let stack: TestStack;
  afterAll(() => stack?.close());

  it('serves /metrics nowhere without a token or a port, and says which setting is missing', async () => {
    stack = await startStack({ metricsToken: undefined, metricsPort: undefined });
    const response = await fetch(`${stack.apiUrl}/metrics`);
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'METRICS_NOT_SERVED' });
  });

  it('serves them on SOCLE_METRICS_PORT only, with the token when one is set too', async () => {
    const config = Object.assign(loadConfig(), {
      apiPort: 0,
      listenHost: '127.0.0.1',
      metricsPort: 0,
      metricsToken: METRICS_TOKEN,
      logLevel: 'warn',
    });
    const launched = await launchParts([apiPart], config);
    try {
      const apiUrl = launched.parts[0].url!.replace(/\/api$/, '');
      expect((await fetch(`${apiUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status).toBe(
        404,
      );
      const port = `http://127.0.0.1:${launched.metricsPort}`;
      expect((await fetch(`${port}/metrics`)).status).toBe(401);
      const served = await fetch(`${port}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
      expect(served.status).toBe(200);
      expect(await served.text()).toMatch(/^socle_db_pool_connections\{app="api",state="idle"\}/m);
      expect((await fetch(`${port}/api/health`)).status).toBe(404);
    } finally {
      await launched.stop();
    }
  });
});

async function rootCa(config: SocleConfig): Promise<string> {
  const client = new Client({ connectionString: config.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT certificate_pem FROM certificate_authorities WHERE kind = 'root'`);
    return rows[0].certificate_pem;
  } finally {
    await client.end();
  }
}
