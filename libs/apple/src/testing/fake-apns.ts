import { randomUUID } from 'node:crypto';
import { createSecureServer, Http2SecureServer, IncomingHttpHeaders } from 'node:http2';
import { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';

export interface ReceivedPush {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The subject UID of the client certificate the push came with. */
  clientUid?: string;
}

export type FakeAnswer = { status: number; reason?: string; delayMs?: number };

/** A local APNs: HTTP/2 over TLS, client certificate required, answers scripted per request. */
export class FakeApns {
  readonly received: ReceivedPush[] = [];
  inFlight = 0;
  maxInFlight = 0;
  private server?: Http2SecureServer;
  answer: (push: ReceivedPush, index: number) => FakeAnswer = () => ({ status: 200 });

  constructor(private readonly tls: { certificatePem: string; privateKeyPem: string; clientCaPem: string }) {}

  async start(): Promise<string> {
    this.server = createSecureServer({
      cert: this.tls.certificatePem,
      key: this.tls.privateKeyPem,
      ca: this.tls.clientCaPem,
      requestCert: true,
      rejectUnauthorized: true,
    });
    this.server.on('stream', (stream, headers) => {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const socket = stream.session?.socket as TLSSocket | undefined;
        const push: ReceivedPush = {
          path: String(headers[':path']),
          headers,
          body: Buffer.concat(chunks).toString(),
          clientUid: socket?.getPeerCertificate()?.subject?.UID as string | undefined,
        };
        const index = this.received.push(push) - 1;
        const answer = this.answer(push, index);
        this.inFlight++;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        setTimeout(() => {
          this.inFlight--;
          if (stream.destroyed) return;
          stream.respond({ ':status': answer.status, 'apns-id': randomUUID() });
          stream.end(
            answer.status === 200 ? undefined : JSON.stringify({ reason: answer.reason ?? 'InternalServerError' }),
          );
        }, answer.delayMs ?? 0);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `https://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
