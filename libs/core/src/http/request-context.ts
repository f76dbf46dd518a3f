import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const storage = new AsyncLocalStorage<{ requestId: string }>();
const SANE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The id of the HTTP request being served, for logs, error bodies and audit entries. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** First middleware of every app: takes X-Request-Id when sane, else makes one, and echoes it back. */
export function requestIdMiddleware(request: Request & { id?: string }, response: Response, next: NextFunction): void {
  const incoming = request.headers['x-request-id'];
  const requestId = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  request.id = requestId;
  response.setHeader('x-request-id', requestId);
  storage.run({ requestId }, next);
}
