import * as http from 'node:http';
import * as https from 'node:https';
import { AgentHttpError } from './agent-http-error';
import type { GatewayErrorBody } from './agent-types';

export interface GatewayRequest {
  method: 'GET' | 'POST';
  url: string;
  agent: http.Agent | false;
  body?: unknown;
  headers?: Record<string, string>;
  timeoutMs: number;
  /** Only for the one-time CA download, before anything can be verified. */
  skipServerVerification?: boolean;
  /** Abandons the request (a long-poll held open by the gateway) when the caller stops. */
  signal?: AbortSignal;
}

export interface GatewayAnswer {
  status: number;
  text: string;
}

/** Sends one request and resolves with the raw answer, whatever its status. */
export function sendRequest(request: GatewayRequest): Promise<GatewayAnswer> {
  const url = new URL(request.url);
  const payload = request.body === undefined ? undefined : Buffer.from(JSON.stringify(request.body));
  const headers: Record<string, string | number> = { accept: 'application/json', ...request.headers };
  if (payload) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = payload.length;
  }
  const transport = url.protocol === 'https:' ? https : http;
  const options: https.RequestOptions = {
    method: request.method,
    agent: request.agent,
    headers,
    timeout: request.timeoutMs,
  };
  if (request.skipServerVerification) options.rejectUnauthorized = false;

  return new Promise((resolve, reject) => {
    if (request.signal?.aborted) return reject(abortError(request));
    const outgoing = transport.request(url, options, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('error', reject);
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    outgoing.on('timeout', () =>
      outgoing.destroy(Object.assign(new Error(`${request.method} ${request.url} timed out`), { code: 'ETIMEDOUT' })),
    );
    outgoing.on('error', reject);
    const abort = () => outgoing.destroy(abortError(request));
    request.signal?.addEventListener('abort', abort, { once: true });
    outgoing.on('close', () => request.signal?.removeEventListener('abort', abort));
    outgoing.end(payload);
  });
}

function abortError(request: GatewayRequest): Error {
  return Object.assign(new Error(`${request.method} ${request.url} aborted`), { code: 'ABORT_ERR' });
}

/** Like `sendRequest`, but parses a JSON answer and turns any non-2xx status into an AgentHttpError. */
export async function sendJson<T>(request: GatewayRequest): Promise<T> {
  const answer = await sendRequest(request);
  if (answer.status < 200 || answer.status >= 300) {
    throw new AgentHttpError(request.method, request.url, answer.status, errorBody(answer));
  }
  return (answer.text ? JSON.parse(answer.text) : undefined) as T;
}

/** A reverse proxy may answer with HTML or nothing at all; keep the contract's shape regardless. */
function errorBody(answer: GatewayAnswer): GatewayErrorBody {
  try {
    const parsed = JSON.parse(answer.text) as unknown;
    if (parsed && typeof parsed === 'object') return { statusCode: answer.status, ...(parsed as object) };
  } catch {
    // not JSON: fall through
  }
  return { statusCode: answer.status, message: answer.text.slice(0, 500) || undefined };
}
