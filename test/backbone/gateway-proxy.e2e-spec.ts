import { AgentHttpError, SimulatedDevice } from '@socle/agent';
import { createPack, createSchool, createTenant, issueToken } from '../support/factories';
import { startStack, TestStack } from '../support/test-stack';

const HEADER = 'x-client-cert';

function proxiedDevice(stack: TestStack): SimulatedDevice {
  return new SimulatedDevice({
    gatewayUrl: stack.gatewayUrl,
    clientCertHeader: HEADER,
    osFamily: 'android',
    deviceKind: 'tablet',
    serialNumber: `PROXY-${Math.random().toString(16).slice(2, 10)}`,
    model: 'Tablette',
    osVersion: '14',
    log: () => undefined,
  });
}

/** Behind nginx or HAProxy: plain HTTP, the client certificate forwarded in a header by a trusted address only. */
describe('Gateway behind a trusted reverse proxy', () => {
  let trusted: TestStack;
  let untrusted: TestStack;

  beforeAll(async () => {
    trusted = await startStack({ gatewayMode: 'proxy', trustedProxies: ['127.0.0.1'], clientCertHeader: HEADER });
    untrusted = await startStack({ gatewayMode: 'proxy', trustedProxies: ['192.0.2.10'], clientCertHeader: HEADER });
  });
  afterAll(async () => {
    await trusted.close();
    await untrusted.close();
  });

  async function enrolledDevice(stack: TestStack): Promise<SimulatedDevice> {
    const town = await createTenant(stack);
    const pack = await createPack(town.technician, (await createSchool(town.technician)).id, 'android', 10);
    const device = proxiedDevice(stack);
    await device.enroll((await issueToken(town.technician, pack.id)).token);
    return device;
  }

  it('enrolls and checks in with the certificate forwarded by the proxy', async () => {
    const device = await enrolledDevice(trusted);
    const outcome = await device.checkIn();
    expect(outcome.checkinIntervalSeconds).toBe(trusted.config.checkinIntervalSeconds);
    const [row] = await trusted.dataSource.query('SELECT state, battery_level FROM devices WHERE id = $1', [
      device.deviceId,
    ]);
    expect(row).toEqual({ state: 'active', battery_level: device.health.battery.level });
  });

  it('ignores the header when the connection does not come from a configured proxy', async () => {
    const device = await enrolledDevice(untrusted);
    const refused = await device.checkIn().then(
      () => undefined,
      (error: AgentHttpError) => error,
    );
    expect(refused).toBeInstanceOf(AgentHttpError);
    expect((refused as AgentHttpError).code).toBe('PROXY_NOT_TRUSTED');
  });

  it('refuses a forwarded certificate that Socle did not issue, or garbage', async () => {
    const device = await enrolledDevice(trusted);
    const identity = device.identity!;
    const post = (header: string) =>
      fetch(`${trusted.gatewayUrl}/v1/checkin`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [HEADER]: header },
        body: '{}',
      });
    const selfMade = identity.caChainPems[1]; // the root itself is not a device certificate
    for (const header of [encodeURIComponent(selfMade), 'not-a-certificate', '%E0%A4%A']) {
      const response = await post(header);
      expect({ header: header.slice(0, 20), status: response.status }).toEqual({
        header: header.slice(0, 20),
        status: 401,
      });
      expect(((await response.json()) as { code: string }).code).toBe('CERTIFICATE_REJECTED');
    }
  });
});
