import { AddressInfo, connect, createServer, Server, Socket } from 'node:net';

interface Pair {
  client: Socket;
  upstream: Socket;
}

/**
 * A TCP relay between the app and PostgreSQL, so a test can take the database away from one app
 * without touching the PostgreSQL every other suite shares.
 *
 * - `cut()`: every relayed connection is reset and new ones are refused, as when PostgreSQL
 *   restarts or its host goes down;
 * - `freeze()`: connections stay open but nothing goes through, as in a network partition or a
 *   PostgreSQL stuck on its disk; bytes wait in the socket buffers, as TCP would retransmit them;
 * - `restore()`: relays again (what was frozen flows on).
 */
export class TcpProxy {
  private readonly pairs = new Set<Pair>();
  private mode: 'relay' | 'cut' | 'frozen' = 'relay';

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {
    server.on('connection', (client) => this.accept(client));
  }

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = createServer();
    const proxy = new TcpProxy(server, target);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The same URL, through this proxy. */
  proxiedUrl(url: string): string {
    const proxied = new URL(url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(this.port);
    return proxied.toString();
  }

  cut(): void {
    this.mode = 'cut';
    for (const pair of this.pairs) {
      pair.client.resetAndDestroy();
      pair.upstream.resetAndDestroy();
    }
    this.pairs.clear();
  }

  freeze(): void {
    this.mode = 'frozen';
    for (const pair of this.pairs) this.stopFlowing(pair);
  }

  restore(): void {
    const wasFrozen = this.mode === 'frozen';
    this.mode = 'relay';
    if (wasFrozen) for (const pair of this.pairs) this.flow(pair);
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private accept(client: Socket): void {
    if (this.mode === 'cut') return void client.resetAndDestroy();
    const pair = { client, upstream: connect(this.target.port, this.target.host) };
    this.pairs.add(pair);
    for (const [from, to] of [
      [pair.client, pair.upstream],
      [pair.upstream, pair.client],
    ]) {
      // Errors are what cut() is for; a reset on one side ends the other.
      from.on('error', () => to.destroy());
      from.on('close', () => {
        this.pairs.delete(pair);
        to.destroy();
      });
    }
    if (this.mode === 'relay') this.flow(pair);
    else this.stopFlowing(pair);
  }

  private flow(pair: Pair): void {
    pair.client.pipe(pair.upstream);
    pair.upstream.pipe(pair.client);
  }

  private stopFlowing(pair: Pair): void {
    pair.client.unpipe(pair.upstream);
    pair.upstream.unpipe(pair.client);
    pair.client.pause();
    pair.upstream.pause();
  }
}
