import { createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import type { SocleConfig } from '../config/socle-config';
import { listen } from '../process/http-part';
import { serveMetrics } from './metrics-endpoint';

/** SOCLE_METRICS_PORT: a plain HTTP listener with `/metrics` only, for the operator's network. */
export async function startMetricsServer(config: SocleConfig): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url?.split('?')[0] === '/metrics')
      void serveMetrics(config, 'metrics-port', request, response).catch(() => response.destroy());
    else {
      response.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify({ statusCode: 404, code: 'NOT_FOUND', message: 'Ce port ne sert que /metrics.' }));
    }
  });
  await listen(server, config.metricsPort!, config);
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
