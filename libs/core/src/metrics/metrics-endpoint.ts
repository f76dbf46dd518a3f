import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SocleConfig } from '../config/socle-config';
import { metricsOf } from './socle-metrics';

type Where = 'app-port' | 'metrics-port';

/**
 * `GET /metrics`, as the contract says: for the operator's network only. With SOCLE_METRICS_PORT
 * it is served there alone (and the token, if also set, is required there); with only
 * SOCLE_METRICS_TOKEN it is served on the api and gateway ports to that bearer; with neither it is
 * not served at all (404), so a forgotten setting never exposes the fleet's figures.
 */
export async function serveMetrics(
  config: SocleConfig,
  where: Where,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const served =
    config.metricsPort !== undefined ? where === 'metrics-port' : where === 'app-port' && !!config.metricsToken;
  if (!served)
    return json(response, 404, {
      statusCode: 404,
      code: 'METRICS_NOT_SERVED',
      message:
        config.metricsPort !== undefined || config.metricsToken
          ? 'Les métriques ne sont pas servies sur ce port : interrogez le port des métriques (SOCLE_METRICS_PORT).'
          : 'Les métriques ne sont pas servies : définissez SOCLE_METRICS_TOKEN ou SOCLE_METRICS_PORT.',
    });
  if (config.metricsToken && !bearerMatches(request.headers.authorization, config.metricsToken))
    return json(response, 401, {
      statusCode: 401,
      code: 'METRICS_TOKEN_REQUIRED',
      message: 'Jeton des métriques absent ou faux : envoyez Authorization: Bearer <SOCLE_METRICS_TOKEN>.',
    });
  const registry = metricsOf(config).registry;
  const body = await registry.metrics();
  response.writeHead(200, { 'content-type': registry.contentType, 'cache-control': 'no-store' });
  response.end(body);
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!given) return false;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(token));
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}
