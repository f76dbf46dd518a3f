import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { get, request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RawResponse {
  status: number;
  body: any;
}

/** A check-in sent by hand, with whatever client certificate (or none) the test wants to present. */
export function postWithClientCertificate(
  url: string,
  body: unknown,
  options: { ca: string; cert?: string; key?: string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const payload = JSON.stringify(body);
    const call = request(
      url,
      {
        method: 'POST',
        ca: options.ca,
        cert: options.cert,
        key: options.key,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) },
      },
      (response) => {
        let text = '';
        response.on('data', (chunk) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined }),
        );
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}

/** Runs `openssl verify` the way an administrator would; returns its output (throws when it refuses). */
export function opensslVerify(leafPem: string, rootPem: string, intermediatePem: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'socle-verify-'));
  const write = (name: string, pem: string) => {
    writeFileSync(join(dir, name), pem);
    return join(dir, name);
  };
  return execFileSync(
    'openssl',
    [
      'verify',
      '-purpose',
      'sslclient',
      '-CAfile',
      write('root.pem', rootPem),
      '-untrusted',
      write('intermediate.pem', intermediatePem),
      write('leaf.pem', leafPem),
    ],
    { encoding: 'utf8' },
  );
}

export function opensslText(pem: string, kind: 'x509' | 'crl' = 'x509'): string {
  return execFileSync('openssl', [kind, '-noout', '-text'], { input: pem, encoding: 'utf8' });
}

export function getText(url: string, ca: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, { ca }, (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => resolve(text));
    }).on('error', reject);
  });
}
