import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';

export interface RawApiServer {
  url: string;
  close(): Promise<void>;
}

const ACTOR = `SELECT u.id, u.role, u.collectivite_id,
  COALESCE(array_agg(us.school_id) FILTER (WHERE us.school_id IS NOT NULL), '{}') AS school_ids
  FROM users u LEFT JOIN user_schools us ON us.user_id = u.id WHERE u.id = $1 AND u.disabled_at IS NULL GROUP BY u.id`;
const PACK = `SELECT * FROM packs WHERE id = $1 AND collectivite_id = $2`;
const DEVICES = `SELECT * FROM devices WHERE pack_id = $1 ORDER BY position_in_pack`;

/**
 * The least an authenticated admin read must do: verify the bearer JWT (HS256, node:crypto), load
 * the actor from the database (so a disabled account stops at once, as in Socle), read the pack
 * within the actor's collectivité and its devices, answer JSON. No framework, no logging.
 */
export async function startRawApiServer(databaseUrl: string, jwtSecret: string): Promise<RawApiServer> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const server = createServer((request, response) => void handle(pool, jwtSecret, request, response));
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

async function handle(pool: Pool, secret: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const subject = verifiedSubject(request.headers.authorization, secret);
    if (!subject) return send(response, 401, { code: 'TOKEN_INVALID' });
    const { rows: actors } = await pool.query(ACTOR, [subject]);
    const actor = actors[0];
    if (!actor) return send(response, 401, { code: 'TOKEN_INVALID' });
    const packId = /^\/api\/v1\/packs\/([0-9a-f-]{36})$/.exec(request.url ?? '')?.[1];
    const { rows: packs } = packId ? await pool.query(PACK, [packId, actor.collectivite_id]) : { rows: [] };
    if (!packs[0]) return send(response, 404, { code: 'PACK_NOT_FOUND' });
    const { rows: devices } = await pool.query(DEVICES, [packId]);
    send(response, 200, { ...packs[0], enrolledCount: devices.length, devices });
  } catch (error) {
    send(response, 500, { code: 'INTERNAL', message: (error as Error).message });
  }
}

function verifiedSubject(header: string | undefined, secret: string): string | null {
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1];
  const [head, payload, signature] = token?.split('.') ?? [];
  if (!head || !payload || !signature) return null;
  const expected = createHmac('sha256', secret).update(`${head}.${payload}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  return typeof claims.exp === 'number' && claims.exp * 1000 > Date.now() ? claims.sub : null;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  response.end(payload);
}
