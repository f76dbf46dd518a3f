import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Built by `npm start` (prestart) or `npm run console:build`; never committed. */
export const CONSOLE_DIST = join(__dirname, '..', '..', 'console', 'dist');

// The console talks only to its own origin; ECharts and React set inline styles.
const CONSOLE_CSP =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

const NOT_BUILT = `<!doctype html><html lang="fr"><meta charset="utf-8"><title>Socle</title>
<p>La console web n’est pas encore construite : lancez <code>npm start</code> (qui la construit) ou <code>npm run console:build</code>, puis rechargez la page. L’API répond sous <a href="/api/docs">/api</a>.</p></html>`;

/**
 * A browser asking for a page: GET or HEAD, outside /api and /metrics, accepting HTML. Anything
 * else (an API client, Prometheus, a typo'd API path) goes on to the API's routes and their 404.
 */
const isConsolePath = (request: Request) =>
  (request.method === 'GET' || request.method === 'HEAD') &&
  !/^\/(api|metrics)(\/|$)/.test(request.path) &&
  /text\/html/.test(request.headers.accept ?? '');

/**
 * Serves the single-page console at `/`: its files, then index.html for every other path that is
 * not under /api (the router of the console decides), so a deep link or a reload works.
 */
export function serveConsole(app: NestExpressApplication, dist = CONSOLE_DIST): void {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    app.use((request: Request, response: Response, next: NextFunction) =>
      isConsolePath(request) ? response.status(503).type('html').send(NOT_BUILT) : next(),
    );
    return;
  }
  // Hashed file names under assets/ never change: cached for a year; index.html is always revalidated.
  app.useStaticAssets(join(dist, 'assets'), {
    prefix: '/assets/',
    immutable: true,
    maxAge: '365d',
    fallthrough: false,
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (!isConsolePath(request)) return next();
    response.setHeader('Content-Security-Policy', CONSOLE_CSP);
    response.setHeader('X-Content-Type-Options', 'nosniff');
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}
