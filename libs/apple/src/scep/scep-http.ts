import { ScepServer } from './scep-server';
import { UnreadableScepMessage } from './scep-message';

export interface ScepHttpRequest {
  method: string;
  /** The query string (`operation`, `message`). */
  query: URLSearchParams;
  body?: Buffer;
}

export interface ScepHttpResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

/** Far above a 4096-bit CSR in its two CMS wrappers; keeps hostile uploads cheap. */
export const SCEP_MAX_MESSAGE_BYTES = 64 * 1024;

/**
 * SCEP over HTTP (RFC 8894 §4): `GET ?operation=GetCACaps|GetCACert`, `GET ?operation=PKIOperation&message=<base64>`
 * and `POST ?operation=PKIOperation` with the DER body. Framework-free so the gateway and the plain-HTTP
 * SCEP port share it.
 */
export async function handleScepHttp(server: ScepServer, request: ScepHttpRequest): Promise<ScepHttpResponse> {
  const operation = request.query.get('operation');
  const method = request.method.toUpperCase();
  if (operation === 'GetCACaps' && method === 'GET') return ok('text/plain', Buffer.from(server.capabilities()));
  if (operation === 'GetCACert' && method === 'GET') {
    const { contentType, body } = server.caCertificates();
    return ok(contentType, body);
  }
  if (operation === 'PKIOperation' && (method === 'GET' || method === 'POST')) {
    const message = method === 'POST' ? request.body : messageOfQuery(request.query.get('message'));
    if (!message?.length) return badRequest('Message SCEP absent : envoyez le pkiMessage (POST ou paramètre message).');
    if (message.length > SCEP_MAX_MESSAGE_BYTES) return badRequest('Message SCEP trop volumineux.');
    try {
      return ok('application/x-pki-message', await server.pkiOperation(message));
    } catch (error) {
      if (error instanceof UnreadableScepMessage) return badRequest(`Message SCEP illisible : ${error.message}.`);
      throw error;
    }
  }
  return badRequest('Opération SCEP inconnue : utilisez GetCACaps, GetCACert (GET) ou PKIOperation (GET ou POST).');
}

/** Base64 in a query string: standard or URL-safe alphabet, and a '+' a form decoder turned into a space. */
function messageOfQuery(message: string | null): Buffer | undefined {
  if (!message) return undefined;
  const normalised = message.replace(/ /g, '+').replace(/-/g, '+').replace(/_/g, '/').replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(normalised)) return undefined;
  return Buffer.from(normalised, 'base64');
}

function ok(contentType: string, body: Buffer): ScepHttpResponse {
  return { status: 200, contentType, body };
}

function badRequest(message: string): ScepHttpResponse {
  return { status: 400, contentType: 'text/plain; charset=utf-8', body: Buffer.from(message) };
}
