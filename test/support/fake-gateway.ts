import { randomUUID, X509Certificate } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { CheckinRequest, CommandResult, GatewayCommand } from '@socle/agent';
import { createTestPki, issueDeviceCertificate, TestPki } from './agent-test-pki';

export const PROXY_CERT_HEADER = 'x-client-cert';

interface FakeDevice {
  deviceId: string;
  serialNumber: string;
  fingerprint: string;
  pending: GatewayCommand[];
}

/**
 * Just enough of the device gateway contract to exercise the agent's transport (TLS pinning, mutual
 * TLS with the chain, proxy header) and command loop without a database. The real gateway is
 * covered by the e2e suites.
 */
export class FakeGateway {
  readonly pki: TestPki = createTestPki();
  readonly validToken = 'test-token-0123456789';
  capacity = 15;
  readonly checkins: Array<{ deviceId: string; body: CheckinRequest }> = [];
  readonly results: Array<{ deviceId: string; commandId: string; body: CommandResult }> = [];
  /** Every long-poll received, with the timeout the device asked for. */
  readonly waits: Array<{ deviceId: string; timeoutSeconds: number }> = [];
  private readonly devices = new Map<string, FakeDevice>();
  private readonly waiting = new Map<string, Set<(woken: boolean) => void>>();
  private readonly tlsServer = https.createServer(
    {
      key: this.pki.serverKeyPem,
      cert: this.pki.serverChainPem,
      ca: this.pki.root.pem,
      requestCert: true,
      rejectUnauthorized: false,
    },
    (request, response) => void this.handle(request, response, () => this.tlsFingerprint(request)),
  );
  private readonly proxyServer = http.createServer(
    (request, response) => void this.handle(request, response, () => this.forwardedFingerprint(request)),
  );

  async start(): Promise<this> {
    await Promise.all([listen(this.tlsServer), listen(this.proxyServer)]);
    return this;
  }

  get httpsUrl(): string {
    return `https://127.0.0.1:${(this.tlsServer.address() as AddressInfo).port}`;
  }

  get proxiedUrl(): string {
    return `http://127.0.0.1:${(this.proxyServer.address() as AddressInfo).port}`;
  }

  get enrolledCount(): number {
    return this.devices.size;
  }

  queueCommand(deviceId: string, type: string, payload: Record<string, unknown> = {}): string {
    const device = [...this.devices.values()].find((candidate) => candidate.deviceId === deviceId);
    if (!device) throw new Error(`unknown device ${deviceId}`);
    const id = randomUUID();
    device.pending.push({ id, type, payload });
    return id;
  }

  /** Answers the device's held long-polls with {wake: true}, as the worker's wake-up would; returns how many. */
  wake(deviceId: string): number {
    const waiters = [...(this.waiting.get(deviceId) ?? [])];
    for (const finish of waiters) finish(true);
    return waiters.length;
  }

  isWaiting(deviceId: string): boolean {
    return (this.waiting.get(deviceId)?.size ?? 0) > 0;
  }

  async close(): Promise<void> {
    for (const waiters of this.waiting.values()) for (const finish of [...waiters]) finish(false);
    for (const server of [this.tlsServer, this.proxyServer]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }

  private async handle(
    request: http.IncomingMessage,
    response: http.ServerResponse,
    fingerprint: () => string | undefined,
  ): Promise<void> {
    const body = await readJson(request);
    const route = `${request.method} ${request.url}`;
    if (route === 'GET /v1/ca.pem') return void response.end(this.pki.root.pem);
    if (route === 'POST /v1/enroll') return this.enroll(body, response);
    const device = this.devices.get(fingerprint() ?? '');
    if (!device)
      return reply(response, 401, { statusCode: 401, code: 'CERTIFICATE_REJECTED', message: 'unknown certificate' });
    if (route === 'POST /v1/checkin') {
      this.checkins.push({ deviceId: device.deviceId, body: body as CheckinRequest });
      return reply(response, 200, { commands: device.pending, checkinIntervalSeconds: 900 });
    }
    const wait = /^GET \/v1\/wait\?timeoutSeconds=(\d+)$/.exec(route);
    if (wait) return this.hold(device, Number(wait[1]), response);
    const result = /^POST \/v1\/commands\/([^/]+)\/result$/.exec(route);
    if (!result) return reply(response, 404, { statusCode: 404, code: 'NOT_FOUND', message: route });
    device.pending = device.pending.filter((command) => command.id !== result[1]);
    this.results.push({ deviceId: device.deviceId, commandId: result[1], body: body as CommandResult });
    reply(response, 200, {});
  }

  /** Like the real gateway: at once if something waits, else when woken or after the timeout. */
  private hold(device: FakeDevice, timeoutSeconds: number, response: http.ServerResponse): void {
    this.waits.push({ deviceId: device.deviceId, timeoutSeconds });
    if (device.pending.length) return reply(response, 200, { wake: true });
    const waiters = this.waiting.get(device.deviceId) ?? new Set();
    this.waiting.set(device.deviceId, waiters);
    const finish = (woken: boolean) => {
      clearTimeout(timer);
      waiters.delete(finish);
      if (!response.writableEnded && !response.destroyed) reply(response, 200, { wake: woken });
    };
    const timer = setTimeout(() => finish(false), timeoutSeconds * 1000);
    waiters.add(finish);
    // A device that gives up (stop, abort) must not stay registered as waiting.
    response.once('close', () => {
      clearTimeout(timer);
      waiters.delete(finish);
    });
  }

  private enroll(body: unknown, response: http.ServerResponse): void {
    const { token, csr, serialNumber } = body as { token: string; csr: string; serialNumber: string };
    if (token !== this.validToken)
      return reply(response, 401, { statusCode: 401, code: 'TOKEN_INVALID', message: 'bad token' });
    if (this.devices.size >= this.capacity)
      return reply(response, 409, { statusCode: 409, code: 'PACK_FULL', message: 'pack is full' });
    const issued = issueDeviceCertificate(csr, this.pki.intermediate);
    if (issued.commonName !== serialNumber)
      return reply(response, 400, { statusCode: 400, code: 'VALIDATION_FAILED', message: 'CN differs' });
    const deviceId = randomUUID();
    const fingerprint = new X509Certificate(issued.pem).fingerprint256;
    this.devices.set(fingerprint, { deviceId, serialNumber, fingerprint, pending: [] });
    reply(response, 201, {
      deviceId,
      certificate: issued.pem,
      caChain: [this.pki.intermediate.pem, this.pki.root.pem],
      checkinUrl: `${this.httpsUrl}/v1/checkin`,
      checkinIntervalSeconds: 900,
    });
  }

  private tlsFingerprint(request: http.IncomingMessage): string | undefined {
    const socket = request.socket as TLSSocket;
    if (!socket.authorized) return undefined;
    return socket.getPeerX509Certificate()?.fingerprint256;
  }

  private forwardedFingerprint(request: http.IncomingMessage): string | undefined {
    const header = request.headers[PROXY_CERT_HEADER];
    return typeof header === 'string' ? new X509Certificate(decodeURIComponent(header)).fingerprint256 : undefined;
  }
}

function listen(server: http.Server): Promise<void> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
}

async function readJson(request: http.IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : undefined;
}

function reply(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
