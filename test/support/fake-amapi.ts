import { createPublicKey, createVerify, randomBytes, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo, Socket } from 'node:net';
import { schemaProblems } from './amapi-schema';

const SCOPE = 'https://www.googleapis.com/auth/androidmanagement';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const CLOUD_DPC = 'com.google.android.apps.work.clouddpc';

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string | string[]>;
  body: any;
  authorization?: string;
}

export interface InjectedFault {
  status: number;
  retryAfter?: string;
  /** Only requests whose path contains this are hit (default: every API call, not the token endpoint). */
  pathIncludes?: string;
}

interface FakeOperation {
  name: string;
  done: boolean;
  /** Polls of operations.get still answered `done: false`. */
  pollsLeft: number;
  error?: { code: number; message: string };
  command: any;
}

/**
 * A local Android Management API and OAuth token endpoint speaking Google's published shapes
 * (developers.google.com/android/management/reference/rest), for the tests. It issues access tokens
 * only for a JWT-bearer grant signed by a trusted service-account key with the androidmanagement
 * scope and `aud` = its own token URL, checks the bearer on every call, keeps enterprises,
 * policies, tokens, devices and operations in memory, validates every body against the client
 * library's `Schema$…` types, and records what it received.
 */
export class FakeAmapi {
  readonly requests: RecordedRequest[] = [];
  readonly tokenRequests: Array<{ ok: boolean; claims?: any; problem?: string }> = [];
  readonly signups = new Map<string, { callbackUrl: string; projectId: string; enterpriseToken?: string }>();
  readonly enterprises = new Map<string, any>();
  readonly policies = new Map<string, any>();
  readonly enrollmentTokens = new Map<string, any>();
  readonly devices = new Map<string, any>();
  readonly operations = new Map<string, FakeOperation>();
  readonly webApps = new Map<string, any>();
  readonly deletedDevices: Array<{ name: string; wipeDataFlags: string[]; wipeReasonMessage?: string }> = [];
  /** How many `operations.get` answer `done: false` before the command completes. */
  operationPolls = 1;
  /** Each API answer waits this long, so tests can see how many calls are in flight at once. */
  responseDelayMs = 0;
  maxInFlight = 0;
  private inFlight = 0;
  private readonly trusted = new Map<string, string>();
  private readonly accessTokens = new Map<string, number>();
  private readonly faults: InjectedFault[] = [];
  private readonly sockets = new Set<Socket>();
  private isDown = false;
  private server?: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  get tokenUri(): string {
    return `${this.url}/token`;
  }

  get apiUrl(): string {
    return `${this.url}/`;
  }

  trustServiceAccount(email: string, publicKeyPem: string): void {
    this.trusted.set(email, publicKeyPem);
  }

  /** The next `count` API calls (matching `pathIncludes`) answer this status instead. */
  failNext(count: number, fault: InjectedFault): void {
    for (let i = 0; i < count; i++) this.faults.push(fault);
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Down: every connection is reset without an answer, token endpoint included, until `up()`. */
  down(): void {
    this.isDown = true;
  }

  up(): void {
    this.isDown = false;
  }

  /** The admin finishes Google's signup form: the enterprise token Google appends to the callback. */
  completeSignup(signupUrlName: string): string {
    const signup = this.signups.get(signupUrlName);
    if (!signup) throw new Error(`unknown signup ${signupUrlName}`);
    signup.enterpriseToken = `EAH${randomBytes(12).toString('hex')}`;
    return signup.enterpriseToken;
  }

  /** An enterprise that already exists at Google (the "attach" path). */
  addEnterprise(displayName = 'Entreprise existante'): string {
    const name = `enterprises/LC${randomBytes(5).toString('hex')}`;
    this.enterprises.set(name, { name, enterpriseDisplayName: displayName });
    return name;
  }

  /** A device as Google reports it; `name` and defaults filled in. */
  addDevice(enterpriseName: string, device: Record<string, unknown> = {}): any {
    const name = `${enterpriseName}/devices/3${randomBytes(7).toString('hex')}`;
    const full = { name, state: 'ACTIVE', managementMode: 'DEVICE_OWNER', ownership: 'COMPANY_OWNED', ...device };
    this.devices.set(name, full);
    return full;
  }

  apiRequests(pathIncludes?: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.startsWith('/v1/') && (!pathIncludes || r.path.includes(pathIncludes)));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (this.isDown) return void req.socket.destroy();
    const url = new URL(req.url ?? '/', this.url);
    const raw = await readBody(req);
    const query: Record<string, string | string[]> = {};
    for (const key of new Set(url.searchParams.keys())) {
      const all = url.searchParams.getAll(key);
      query[key] = all.length > 1 ? all : all[0];
    }
    const isForm = (req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded');
    let body: any = raw;
    try {
      body = isForm ? Object.fromEntries(new URLSearchParams(raw)) : raw ? JSON.parse(raw) : undefined;
    } catch {
      return send(res, 400, googleError(400, 'Invalid JSON payload received.'));
    }
    const path = decodeURIComponent(url.pathname);
    if (path.startsWith('/v1/')) {
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      res.on('close', () => this.inFlight--);
      if (this.responseDelayMs) await new Promise((resolve) => setTimeout(resolve, this.responseDelayMs));
    }
    this.requests.push({ method: req.method ?? '', path, query, body, authorization: req.headers.authorization });
    if (path === '/token' && req.method === 'POST') return this.token(res, body ?? {});
    const faultIndex = this.faults.findIndex((f) => !f.pathIncludes || path.includes(f.pathIncludes));
    if (faultIndex >= 0) {
      const [fault] = this.faults.splice(faultIndex, 1);
      return send(res, fault.status, googleError(fault.status, 'Injected fault'), fault.retryAfter);
    }
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const expiry = bearer ? this.accessTokens.get(bearer) : undefined;
    if (!expiry || expiry < Date.now()) {
      return send(res, 401, googleError(401, 'Request had invalid authentication credentials.'));
    }
    try {
      const [status, answer] = this.route(req.method ?? 'GET', path, query, body);
      send(res, status, answer);
    } catch (error) {
      send(res, 500, googleError(500, (error as Error).message));
    }
  }

  private token(res: ServerResponse, form: Record<string, string>): void {
    const refuse = (problem: string) => {
      this.tokenRequests.push({ ok: false, problem });
      send(res, 400, { error: 'invalid_grant', error_description: problem });
    };
    if (form.grant_type !== JWT_BEARER) return refuse(`unsupported grant_type ${form.grant_type}`);
    const parts = String(form.assertion ?? '').split('.');
    if (parts.length !== 3) return refuse('malformed assertion');
    const header = JSON.parse(Buffer.from(parts[0], 'base64url').toString());
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
    const publicKey = this.trusted.get(claims.iss);
    if (header.alg !== 'RS256' || !publicKey) return refuse('unknown service account');
    const verifier = createVerify('RSA-SHA256').update(`${parts[0]}.${parts[1]}`);
    if (!verifier.verify(createPublicKey(publicKey), Buffer.from(parts[2], 'base64url'))) {
      return refuse('Invalid JWT Signature.');
    }
    const now = Date.now() / 1000;
    if (claims.aud !== this.tokenUri) return refuse(`Invalid JWT: Failed audience check (${claims.aud}).`);
    if (
      !String(claims.scope ?? '')
        .split(' ')
        .includes(SCOPE)
    )
      return refuse('Invalid scope');
    if (!(claims.exp > now) || claims.iat > now + 60 || claims.exp - claims.iat > 3600) {
      return refuse('Invalid JWT: Token must be a short-lived token');
    }
    const accessToken = `ya29.${randomBytes(24).toString('base64url')}`;
    this.accessTokens.set(accessToken, Date.now() + 3600_000);
    this.tokenRequests.push({ ok: true, claims });
    send(res, 200, { access_token: accessToken, expires_in: 3599, token_type: 'Bearer' });
  }

  private route(method: string, path: string, query: Record<string, any>, body: any): [number, unknown] {
    const invalid = (schema: string) => {
      const problems = schemaProblems(schema, body ?? {});
      return problems.length ? googleError(400, `Invalid JSON payload received. ${problems.join('; ')}`) : null;
    };
    let match: RegExpExecArray | null;
    if (method === 'POST' && path === '/v1/signupUrls') {
      if (!query.projectId || !query.callbackUrl) return [400, googleError(400, 'projectId and callbackUrl required')];
      const name = `signupUrls/C${randomBytes(8).toString('hex')}`;
      this.signups.set(name, { callbackUrl: String(query.callbackUrl), projectId: String(query.projectId) });
      const url = `https://enterprise.google.com/signup/android/email?origin=android&thirdPartyToken=${name.slice(11)}`;
      return [200, { name, url }];
    }
    if (method === 'POST' && path === '/v1/enterprises') {
      const error = invalid('Enterprise');
      if (error) return [400, error];
      const signup = this.signups.get(String(query.signupUrlName));
      if (!signup || signup.projectId !== query.projectId) return [404, googleError(404, 'Signup URL not found.')];
      if (!signup.enterpriseToken || signup.enterpriseToken !== query.enterpriseToken) {
        return [400, googleError(400, 'The enterprise token is invalid.')];
      }
      this.signups.delete(String(query.signupUrlName));
      const name = `enterprises/LC${randomBytes(5).toString('hex')}`;
      const enterprise = { ...body, name };
      this.enterprises.set(name, enterprise);
      return [200, enterprise];
    }
    if ((match = /^\/v1\/(enterprises\/[^/]+)$/.exec(path)) && method === 'GET') {
      const enterprise = this.enterprises.get(match[1]);
      return enterprise ? [200, enterprise] : [404, googleError(404, `Enterprise ${match[1]} not found.`)];
    }
    const enterpriseName = /^\/v1\/(enterprises\/[^/]+)/.exec(path)?.[1];
    if (enterpriseName && !this.enterprises.has(enterpriseName)) {
      return [403, googleError(403, 'The caller does not have permission')];
    }
    if ((match = /^\/v1\/(enterprises\/[^/]+\/policies\/[^/]+)$/.exec(path)) && method === 'PATCH') {
      const error = invalid('Policy');
      if (error) return [400, error];
      const previous = this.policies.get(match[1]);
      const policy = { ...body, name: match[1], version: String(Number(previous?.version ?? 0) + 1) };
      this.policies.set(match[1], policy);
      return [200, policy];
    }
    if ((match = /^\/v1\/(enterprises\/[^/]+)\/enrollmentTokens$/.exec(path)) && method === 'POST') {
      const error = invalid('EnrollmentToken');
      if (error) return [400, error];
      const seconds = /^(\d+)(\.\d+)?s$/.exec(String(body.duration ?? '3600s'))?.[1];
      if (!seconds || Number(seconds) < 60) return [400, googleError(400, 'Invalid duration.')];
      if (String(body.additionalData ?? '').length > 1024) return [400, googleError(400, 'additionalData too long.')];
      const value = randomBytes(10).toString('hex').toUpperCase();
      const token = {
        ...body,
        name: `${match[1]}/enrollmentTokens/${randomBytes(16).toString('base64url')}`,
        value,
        expirationTimestamp: new Date(Date.now() + Number(seconds) * 1000).toISOString(),
        qrCode: JSON.stringify({
          'android.app.extra.PROVISIONING_DEVICE_ADMIN_COMPONENT_NAME': `${CLOUD_DPC}/.receivers.CloudDeviceAdminReceiver`,
          'android.app.extra.PROVISIONING_DEVICE_ADMIN_SIGNATURE_CHECKSUM':
            'I5YvS0O5hXY46mb01BlRjq4oJJGs2kuUcHvVkAPEXlg',
          'android.app.extra.PROVISIONING_DEVICE_ADMIN_PACKAGE_DOWNLOAD_LOCATION':
            'https://play.google.com/managed/downloadManagingApp?identifier=setup',
          'android.app.extra.PROVISIONING_ADMIN_EXTRAS_BUNDLE': {
            [`${CLOUD_DPC}.EXTRA_ENROLLMENT_TOKEN`]: value,
          },
        }),
      };
      this.enrollmentTokens.set(token.name, token);
      return [200, token];
    }
    if ((match = /^\/v1\/(enterprises\/[^/]+)\/devices$/.exec(path)) && method === 'GET') {
      const all = [...this.devices.values()].filter((d) => d.name.startsWith(`${match![1]}/`));
      const size = Math.min(Number(query.pageSize ?? 100), 100);
      const start = Number(query.pageToken ?? 0);
      const page = all.slice(start, start + size);
      const next = start + size < all.length ? String(start + size) : undefined;
      return [200, { devices: page, ...(next ? { nextPageToken: next } : {}) }];
    }
    if ((match = /^\/v1\/(enterprises\/[^/]+\/devices\/[^/:]+)(:issueCommand)?$/.exec(path))) {
      const device = this.devices.get(match[1]);
      if (!device) return [404, googleError(404, `Device ${match[1]} not found.`)];
      if (method === 'GET' && !match[2]) return [200, device];
      if (method === 'DELETE' && !match[2]) {
        const flags = query.wipeDataFlags === undefined ? [] : [query.wipeDataFlags].flat();
        this.devices.delete(match[1]);
        this.deletedDevices.push({ name: match[1], wipeDataFlags: flags, wipeReasonMessage: query.wipeReasonMessage });
        return [200, {}];
      }
      if (method === 'POST' && match[2]) {
        const error = invalid('Command');
        if (error) return [400, error];
        if (
          ![
            'LOCK',
            'REBOOT',
            'RESET_PASSWORD',
            'RELINQUISH_OWNERSHIP',
            'CLEAR_APP_DATA',
            'START_LOST_MODE',
            'STOP_LOST_MODE',
          ].includes(body.type)
        ) {
          return [400, googleError(400, `Invalid value at 'command.type' (${body.type})`)];
        }
        const operation: FakeOperation = {
          name: `${match[1]}/operations/${randomUUID()}`,
          done: false,
          pollsLeft: this.operationPolls,
          command: body,
        };
        this.operations.set(operation.name, operation);
        return [200, this.operationJson(operation)];
      }
    }
    if ((match = /^\/v1\/(enterprises\/[^/]+\/devices\/[^/]+\/operations\/[^/]+)$/.exec(path)) && method === 'GET') {
      const operation = this.operations.get(match[1]);
      if (!operation) return [404, googleError(404, 'Operation not found.')];
      if (!operation.done && operation.pollsLeft-- <= 0) operation.done = true;
      return [200, this.operationJson(operation)];
    }
    if ((match = /^\/v1\/(enterprises\/[^/]+)\/webApps$/.exec(path)) && method === 'POST') {
      const error = invalid('WebApp');
      if (error) return [400, error];
      if (!body.startUrl || !body.title) return [400, googleError(400, 'startUrl and title are required.')];
      const name = `${match[1]}/webApps/com.google.enterprise.webapp.x${randomBytes(6).toString('hex')}`;
      const webApp = { ...body, name, versionCode: '1' };
      this.webApps.set(name, webApp);
      return [200, webApp];
    }
    return [404, googleError(404, `No route ${method} ${path}`)];
  }

  /** The test decides how a command ends: by default it succeeds after `operationPolls` polls. */
  failOperation(name: string, message = 'The device refused the command.'): void {
    const operation = this.operations.get(name);
    if (!operation) throw new Error(`unknown operation ${name}`);
    operation.done = true;
    operation.error = { code: 9, message };
  }

  private operationJson(operation: FakeOperation): unknown {
    return {
      name: operation.name,
      metadata: {
        '@type': 'type.googleapis.com/google.android.devicemanagement.v1.Command',
        type: operation.command.type,
        createTime: new Date().toISOString(),
      },
      done: operation.done,
      ...(operation.done ? (operation.error ? { error: operation.error } : { response: {} }) : {}),
    };
  }
}

function googleError(code: number, message: string) {
  const status: Record<number, string> = {
    400: 'INVALID_ARGUMENT',
    401: 'UNAUTHENTICATED',
    403: 'PERMISSION_DENIED',
    404: 'NOT_FOUND',
    429: 'RESOURCE_EXHAUSTED',
    500: 'INTERNAL',
    503: 'UNAVAILABLE',
  };
  return { error: { code, message, status: status[code] ?? 'UNKNOWN' } };
}

function send(res: ServerResponse, status: number, body: unknown, retryAfter?: string): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=UTF-8',
    ...(retryAfter ? { 'retry-after': retryAfter } : {}),
  });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
