import { createSign, generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';

/**
 * Google's signing side of Pub/Sub push authentication, for the tests: an endpoint serving the
 * certificates (PEM by key id, as www.googleapis.com/oauth2/v1/certs does) and RS256 OIDC tokens
 * shaped like the ones a push subscription sends.
 */
export class FakeGoogleOidc {
  readonly kid = randomBytes(20).toString('hex');
  private readonly keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
  private server?: Server;
  certsUrl = '';
  certFetches = 0;

  async start(): Promise<this> {
    const pem = this.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    this.server = createServer((req, res) => {
      this.certFetches++;
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'public, max-age=3600' });
      res.end(JSON.stringify({ [this.kid]: pem }));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.certsUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/oauth2/v1/certs`;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }

  /** A push token; `claims` override the defaults, `signWith` forges it with another key under the same kid. */
  token(audience: string, claims: Record<string, unknown> = {}, signWith?: KeyObject): string {
    const now = Math.floor(Date.now() / 1000);
    const header = { alg: 'RS256', kid: this.kid, typ: 'JWT' };
    const payload = {
      iss: 'https://accounts.google.com',
      aud: audience,
      azp: '1130000000000000000',
      sub: '1130000000000000000',
      email: 'pubsub-push@socle-test.iam.gserviceaccount.com',
      email_verified: true,
      iat: now,
      exp: now + 3600,
      ...claims,
    };
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const signed = `${encode(header)}.${encode(payload)}`;
    const signature = createSign('RSA-SHA256')
      .update(signed)
      .sign(signWith ?? this.keys.privateKey);
    return `${signed}.${signature.toString('base64url')}`;
  }
}

/** A Pub/Sub push body as the subscription posts it. */
export function pushEnvelope(notificationType: string, resource: unknown, overrides: Record<string, unknown> = {}) {
  const messageId = String(overrides.messageId ?? `${Date.now()}${randomBytes(3).readUIntBE(0, 3)}`);
  return {
    message: {
      attributes: { notificationType },
      data: Buffer.from(JSON.stringify(resource)).toString('base64'),
      messageId,
      message_id: messageId,
      publishTime: new Date().toISOString(),
      publish_time: new Date().toISOString(),
      ...overrides,
    },
    subscription: 'projects/socle-test/subscriptions/socle-android-push',
  };
}
