import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { handleScepHttp } from '../scep/scep-http';
import { ScepServer } from '../scep/scep-server';

export interface RunningScepServer {
  url: string;
  /** Every PKIOperation message received, in order, for replays. */
  messages: Buffer[];
  close(): Promise<void>;
}

/** The SCEP core behind node:http at `/scep` on 127.0.0.1, as the gateway will serve it. */
export async function startScepTestServer(scep: ScepServer): Promise<RunningScepServer> {
  const messages: Buffer[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      if (url.pathname !== '/scep') {
        response.writeHead(404).end();
        return;
      }
      const body = Buffer.concat(chunks);
      if (url.searchParams.get('operation') === 'PKIOperation' && body.length) messages.push(body);
      handleScepHttp(scep, { method: request.method ?? 'GET', query: url.searchParams, body }).then(
        (answer) => response.writeHead(answer.status, { 'content-type': answer.contentType }).end(answer.body),
        (error: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(error.message),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/scep`,
    messages,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
