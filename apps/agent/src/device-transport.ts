import * as http from 'node:http';
import * as https from 'node:https';
import type { AgentLog } from './agent-types';
import { downloadGatewayCa, unverifiedCaWarning } from './gateway-ca';
import { sendJson } from './gateway-http';
import { gatewayEndpoint, isPlainHttp } from './gateway-url';

export interface TransportOptions {
  gatewayUrl: string;
  trustedCaPem?: string;
  clientCertHeader?: string;
  timeoutMs: number;
  log: AgentLog;
}

export interface TransportIdentity {
  privateKeyPem: string;
  certificatePem: string;
  /** Sent after the leaf so a server that only trusts the root can still build the chain. */
  intermediatePems: string[];
}

/** How one device reaches the gateway: anonymously to enroll, then with its certificate. */
export class DeviceTransport {
  private readonly plainHttp: boolean;
  private trustedCa?: Promise<string | undefined>;
  private identity?: TransportIdentity;
  private authenticatedAgent?: http.Agent;

  constructor(private readonly options: TransportOptions) {
    this.plainHttp = isPlainHttp(options.gatewayUrl);
    if (options.clientCertHeader && !this.plainHttp) {
      options.log(
        'warn',
        `clientCertHeader is ignored for ${options.gatewayUrl}: over https the certificate goes through TLS client authentication`,
      );
    }
  }

  async postAnonymous<T>(route: string, body: unknown): Promise<T> {
    const agent = this.plainHttp ? false : new https.Agent({ ca: await this.trustedCaPem() });
    try {
      return await sendJson<T>({
        method: 'POST',
        url: this.url(route),
        agent,
        body,
        timeoutMs: this.options.timeoutMs,
      });
    } finally {
      if (agent) agent.destroy();
    }
  }

  async postAuthenticated<T>(route: string, body: unknown): Promise<T> {
    if (!this.identity) throw new Error('the device has no certificate yet: enroll it first');
    const agent = await this.agentWithIdentity(this.identity);
    return sendJson<T>({
      method: 'POST',
      url: this.url(route),
      agent,
      body,
      headers: this.proxyHeaders(this.identity),
      timeoutMs: this.options.timeoutMs,
    });
  }

  /** `timeoutMs` overrides the default for a request the gateway holds on purpose (the long-poll). */
  async getAuthenticated<T>(route: string, options: { timeoutMs?: number; signal?: AbortSignal } = {}): Promise<T> {
    if (!this.identity) throw new Error('the device has no certificate yet: enroll it first');
    const agent = await this.agentWithIdentity(this.identity);
    return sendJson<T>({
      method: 'GET',
      url: this.url(route),
      agent,
      headers: this.proxyHeaders(this.identity),
      timeoutMs: options.timeoutMs ?? this.options.timeoutMs,
      signal: options.signal,
    });
  }

  pinTrustedCa(pem: string): void {
    this.destroy();
    this.trustedCa = Promise.resolve(pem);
  }

  useIdentity(identity: TransportIdentity): void {
    this.destroy();
    this.identity = identity;
  }

  /** Closes kept-alive sockets; the next request opens new ones, so a stopped device can be resumed. */
  destroy(): void {
    this.authenticatedAgent?.destroy();
    this.authenticatedAgent = undefined;
  }

  private async agentWithIdentity(identity: TransportIdentity): Promise<http.Agent> {
    if (this.authenticatedAgent) return this.authenticatedAgent;
    const agent = this.plainHttp
      ? new http.Agent({ keepAlive: true })
      : new https.Agent({
          keepAlive: true,
          key: identity.privateKeyPem,
          cert: [identity.certificatePem, ...identity.intermediatePems].map((pem) => pem.trim()).join('\n'),
          ca: await this.trustedCaPem(),
        });
    // Another request may have created one while the CA was awaited.
    this.authenticatedAgent ??= agent;
    if (this.authenticatedAgent !== agent) agent.destroy();
    return this.authenticatedAgent;
  }

  /** In proxy mode the reverse proxy would forward the certificate; the simulator plays that part. */
  private proxyHeaders(identity: TransportIdentity): Record<string, string> | undefined {
    if (!this.plainHttp || !this.options.clientCertHeader) return undefined;
    return { [this.options.clientCertHeader]: encodeURIComponent(identity.certificatePem) };
  }

  private trustedCaPem(): Promise<string | undefined> {
    this.trustedCa ??= this.resolveTrustedCa().catch((error: unknown) => {
      this.trustedCa = undefined;
      throw error;
    });
    return this.trustedCa;
  }

  private async resolveTrustedCa(): Promise<string | undefined> {
    if (this.options.trustedCaPem || this.plainHttp) return this.options.trustedCaPem;
    const pem = await downloadGatewayCa(this.options.gatewayUrl, this.options.timeoutMs);
    this.options.log('warn', unverifiedCaWarning(this.options.gatewayUrl));
    return pem;
  }

  private url(route: string): string {
    return gatewayEndpoint(this.options.gatewayUrl, route);
  }
}
