import { ClientHttp2Session, connect, constants } from 'node:http2';
import type { PushCertificate } from './push-certificate';

export const APNS_PRODUCTION_URL = 'https://api.push.apple.com';

export type PushResult =
  | { status: 'sent'; apnsId?: string; attempts: number }
  /** 410 Unregistered, or 400 BadDeviceToken: mark the token invalid, wait for the next TokenUpdate. */
  | { status: 'token_invalid'; reason: string; attempts: number }
  | { status: 'failed'; httpStatus?: number; reason: string; attempts: number };

export interface PushTarget {
  /** The device token from TokenUpdate. */
  token: Buffer | string;
  pushMagic: string;
}

export interface ApnsClientOptions {
  certificate: Pick<PushCertificate, 'certificatePem' | 'privateKeyPem' | 'topic'>;
  /** `SOCLE_APNS_URL`; Apple's production gateway by default. */
  url?: string;
  /** Trust for the APNs server certificate: only for a local fake. */
  ca?: string;
  /** Requests in flight at once on the connection. */
  concurrency?: number;
  /** Requests started per second at most. */
  ratePerSecond?: number;
  /** Tries per push, for 429, 5xx and lost connections. */
  maxAttempts?: number;
  /** First back-off; doubled each retry. */
  backoffMs?: number;
  /** Per request, so a stuck connection cannot hold a lock command. */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

class RetryablePushError extends Error {
  constructor(
    readonly httpStatus: number | undefined,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/**
 * Wakes iPads through APNs (HTTP/2, client-certificate authentication): `{"mdm": PushMagic}` on
 * `/3/device/<token>` with `apns-topic` set to the push certificate's topic, `apns-push-type: mdm`
 * and priority 10. One HTTP/2 connection, reopened when Apple closes it; bounded concurrency and
 * rate; 429 and 5xx retried with exponential back-off. node:http2 rather than a library: the MDM push
 * is one request shape, and the libraries are built around the alert/JWT cases we do not use.
 */
export class ApnsClient {
  private session?: ClientHttp2Session;
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private nextStart = 0;
  private readonly url: string;
  private readonly concurrency: number;
  private readonly interval: number;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;
  private readonly timeoutMs: number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ApnsClientOptions) {
    this.url = options.url ?? APNS_PRODUCTION_URL;
    this.concurrency = Math.max(1, options.concurrency ?? 16);
    this.interval = options.ratePerSecond ? 1000 / options.ratePerSecond : 0;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 5);
    this.backoffMs = options.backoffMs ?? 500;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Pushes to many devices under the same bounds; results in the order of `targets`. */
  pushAll(targets: readonly PushTarget[]): Promise<PushResult[]> {
    return Promise.all(targets.map((target) => this.push(target)));
  }

  async push(target: PushTarget): Promise<PushResult> {
    const token = typeof target.token === 'string' ? target.token.toLowerCase() : target.token.toString('hex');
    if (!/^[0-9a-f]{64,200}$/.test(token))
      return { status: 'token_invalid', reason: 'BadDeviceToken (local check)', attempts: 0 };
    const body = JSON.stringify({ mdm: target.pushMagic });
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await this.bounded(() => this.send(token, body));
        if (answer.status === 200) return { status: 'sent', apnsId: answer.apnsId, attempts: attempt };
        if (answer.status === 410 || (answer.status === 400 && answer.reason === 'BadDeviceToken'))
          return { status: 'token_invalid', reason: answer.reason ?? 'Unregistered', attempts: attempt };
        if (answer.status !== 429 && answer.status < 500)
          return {
            status: 'failed',
            httpStatus: answer.status,
            reason: answer.reason ?? `HTTP ${answer.status}`,
            attempts: attempt,
          };
        throw new RetryablePushError(answer.status, answer.reason ?? `HTTP ${answer.status}`);
      } catch (error) {
        const retryable =
          error instanceof RetryablePushError ? error : new RetryablePushError(undefined, (error as Error).message);
        if (attempt >= this.maxAttempts)
          return { status: 'failed', httpStatus: retryable.httpStatus, reason: retryable.reason, attempts: attempt };
        await this.sleep(this.backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  close(): Promise<void> {
    const session = this.session;
    this.session = undefined;
    if (!session || session.closed) return Promise.resolve();
    return new Promise((resolve) => session.close(() => resolve()));
  }

  private async bounded<T>(task: () => Promise<T>): Promise<T> {
    while (this.inFlight >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight++;
    try {
      if (this.interval) {
        const now = Date.now();
        const start = Math.max(now, this.nextStart);
        this.nextStart = start + this.interval;
        if (start > now) await this.sleep(start - now);
      }
      return await task();
    } finally {
      this.inFlight--;
      this.waiting.shift()?.();
    }
  }

  private connection(): ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const session = connect(this.url, {
      cert: this.options.certificate.certificatePem,
      key: this.options.certificate.privateKeyPem,
      ca: this.options.ca,
    });
    // A GOAWAY or a dropped connection: the next push opens a new one.
    const forget = () => {
      if (this.session === session) this.session = undefined;
    };
    session.on('close', forget);
    session.on('goaway', forget);
    session.on('error', forget);
    this.session = session;
    return session;
  }

  private send(token: string, body: string): Promise<{ status: number; reason?: string; apnsId?: string }> {
    return new Promise((resolve, reject) => {
      const request = this.connection().request({
        [constants.HTTP2_HEADER_METHOD]: 'POST',
        [constants.HTTP2_HEADER_PATH]: `/3/device/${token}`,
        [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/json',
        'apns-topic': this.options.certificate.topic,
        'apns-push-type': 'mdm',
        'apns-priority': '10',
      });
      request.setTimeout(this.timeoutMs, () => request.close(constants.NGHTTP2_CANCEL));
      let status = 0;
      let apnsId: string | undefined;
      const chunks: Buffer[] = [];
      request.on('response', (headers) => {
        status = Number(headers[constants.HTTP2_HEADER_STATUS]);
        apnsId = typeof headers['apns-id'] === 'string' ? headers['apns-id'] : undefined;
      });
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (!status) return reject(new Error('APNs closed the stream without answering'));
        let reason: string | undefined;
        try {
          reason = chunks.length
            ? (JSON.parse(Buffer.concat(chunks).toString()) as { reason?: string }).reason
            : undefined;
        } catch {}
        resolve({ status, reason, apnsId });
      });
      request.on('error', reject);
      // A stream cancelled by the timeout or reset by the server ends here without 'end'.
      request.on('close', () =>
        reject(new Error(status ? 'APNs stream closed early' : 'APNs request timed out or was reset')),
      );
      request.end(body);
    });
  }
}
