import { ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface FakeIdentityProvider {
  issuer: string;
  /** Who signs in at the provider's next login (as if they had typed their académie password). */
  nextLogin(email: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts oidc-provider (ESM, so in its own node process) on loopback over HTTP. */
export async function startFakeIdentityProvider(
  clientId: string,
  clientSecret: string,
  redirectUri: string,
): Promise<FakeIdentityProvider> {
  const child: ChildProcess = spawn(
    process.execPath,
    [join(__dirname, 'identity-provider-process.mjs'), clientId, clientSecret, redirectUri],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(() => {
      throw new Error('the fake identity provider exited');
    }),
  ])) as [string];
  const { issuer } = JSON.parse(first) as { issuer: string };
  return {
    issuer,
    nextLogin: async (email) => {
      await fetch(`${issuer}/__next-login`, { method: 'POST', body: JSON.stringify({ email }) });
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill();
        await once(child, 'exit');
      }
    },
  };
}

/** A browser reduced to what a redirect-based login needs: manual redirects and a cookie jar per host. */
export class TinyBrowser {
  private readonly cookies = new Map<string, Map<string, string>>();

  /** Follows redirects until one leaves for `stopAt` (the api's callback or the console), and returns that URL. */
  async follow(url: string, stopAt: (url: URL) => boolean): Promise<URL> {
    let current = new URL(url);
    for (let hop = 0; hop < 15; hop++) {
      if (hop > 0 && stopAt(current)) return current;
      const jar = this.cookies.get(current.host) ?? new Map<string, string>();
      const response = await fetch(current, {
        redirect: 'manual',
        headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; ') },
      });
      for (const cookie of response.headers.getSetCookie()) {
        const [pair] = cookie.split(';');
        const [name, ...value] = pair.split('=');
        jar.set(name.trim(), value.join('='));
      }
      this.cookies.set(current.host, jar);
      const location = response.headers.get('location');
      if (!location) throw new Error(`no redirect from ${current} (${response.status}): ${await response.text()}`);
      current = new URL(location, current);
    }
    throw new Error('too many redirects');
  }
}
