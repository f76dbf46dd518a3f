import { Server } from 'node:http';
import { AddressInfo, connect } from 'node:net';
import type { SocleConfig } from '../config/socle-config';
import type { PartName, RunningPart } from './process-parts';

const PROBE_TIMEOUT_MS = 1_000;
const SWEEP_MS = 100;

/** Listens on the configured address (SOCLE_LISTEN_HOST, or every interface); an address in use stops the start. */
export function listen(server: Server, port: number, config: Pick<SocleConfig, 'listenHost'>): Promise<void> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    const ready = () => {
      server.off('error', failed);
      resolve();
    };
    if (config.listenHost) server.listen(port, config.listenHost, ready);
    else server.listen(port, ready);
  });
}

/**
 * An HTTP(S) listener as a part of the process. Draining stops accepting connections, lets the
 * requests under way finish (`release` first answers the long-polls, which would otherwise hold
 * their connection for minutes), and closes each keep-alive connection as soon as it is idle.
 */
export function httpPart(
  name: PartName,
  server: Server,
  url: string,
  closeApp: () => Promise<void>,
  release: () => void = () => undefined,
): RunningPart {
  return {
    name,
    url,
    health: async () => {
      if (!server.listening) return { up: false, detail: 'not listening' };
      const address = server.address() as AddressInfo;
      const host = ['::', '0.0.0.0'].includes(address.address) ? 'localhost' : address.address;
      return probe(host, address.port);
    },
    drain: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      release();
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), SWEEP_MS);
      try {
        await closed;
      } finally {
        clearInterval(sweep);
      }
    },
    close: async () => {
      server.closeAllConnections();
      await closeApp();
    },
  };
}

/** A real TCP connection to the listener: "up" means it accepts one. */
function probe(host: string, port: number): Promise<{ up: boolean; detail?: string }> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: PROBE_TIMEOUT_MS });
    const done = (up: boolean, detail?: string) => {
      socket.destroy();
      resolve(detail ? { up, detail } : { up });
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false, 'no answer within 1 s'));
    socket.once('error', (error) => done(false, error.message));
  });
}
