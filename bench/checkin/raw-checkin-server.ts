import { createHash } from 'node:crypto';
import { createServer, Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { Pool } from 'pg';

export interface RawServerTls {
  keyPem: string;
  certPem: string;
  caPem: string;
}

export interface RawCheckinServer {
  url: string;
  close(): Promise<void>;
}

const OPEN = `('pending', 'delivered')`;
const FIND_DEVICE = `SELECT d.id FROM issued_certificates c JOIN devices d ON d.certificate_id = c.id
  WHERE c.fingerprint = $1 AND c.revoked_at IS NULL AND c.not_after > now()`;
const RECORD_CHECKIN = `UPDATE devices SET last_checkin_at = now(), os_version = $2, battery_level = $3,
  battery_charging = $4, storage_free_bytes = $5, storage_total_bytes = $6 WHERE id = $1`;
const DUE_COMMANDS = `SELECT id, type, payload FROM device_commands WHERE device_id = $1 AND status IN ${OPEN}
  ORDER BY created_at`;
const ACKNOWLEDGE = `UPDATE device_commands SET status = 'acknowledged', completed_at = now()
  WHERE id = $1 AND device_id = $2 AND status IN ${OPEN}`;

/**
 * The least a check-in must do, and nothing else: the same TLS set-up as the gateway (client
 * certificate requested, chain checked against Socle's root), the device found by its certificate's
 * fingerprint, its report stored, what is due read — three autocommit statements over `pg` — and the
 * acknowledgement of a command in one. The ceiling Socle's gateway is measured against.
 */
export async function startRawCheckinServer(databaseUrl: string, tls: RawServerTls): Promise<RawCheckinServer> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const server: Server = createServer(
    {
      key: tls.keyPem,
      cert: tls.certPem,
      ca: tls.caPem,
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.2',
    },
    (request, response) => void handle(pool, request, response),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await pool.end();
    },
  };
}

async function handle(pool: Pool, request: IncomingMessage, response: ServerResponse): Promise<void> {
  try {
    const body = await readJson(request);
    const socket = request.socket as TLSSocket;
    const peer = socket.getPeerCertificate();
    if (!socket.authorized || !peer?.raw) return send(response, 401, { code: 'CERTIFICATE_REJECTED' });
    const fingerprint = createHash('sha256').update(peer.raw).digest('hex');
    const { rows } = await pool.query<{ id: string }>(FIND_DEVICE, [fingerprint]);
    const deviceId = rows[0]?.id;
    if (!deviceId) return send(response, 401, { code: 'CERTIFICATE_REJECTED' });
    const result = /^\/v1\/commands\/([0-9a-f-]{36})\/result$/.exec(request.url ?? '');
    if (result) {
      await pool.query(ACKNOWLEDGE, [result[1], deviceId]);
      return send(response, 200, { applied: true });
    }
    await pool.query(RECORD_CHECKIN, [
      deviceId,
      body.osVersion ?? null,
      body.battery?.level ?? null,
      body.battery?.charging ?? null,
      body.storage?.freeBytes ?? null,
      body.storage?.totalBytes ?? null,
    ]);
    const due = await pool.query(DUE_COMMANDS, [deviceId]);
    send(response, 200, { commands: due.rows, checkinIntervalSeconds: 900 });
  } catch (error) {
    send(response, 500, { code: 'INTERNAL', message: (error as Error).message });
  }
}

function readJson(request: IncomingMessage): Promise<any> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('error', reject);
    request.on('end', () => resolve(chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}));
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  response.end(payload);
}
