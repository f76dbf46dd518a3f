import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A temporary folder where specs run the openssl CLI as an independent party (signing as a device would). */
export class OpensslWorkspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'socle-apple-'));

  file(name: string, content: string | Buffer): string {
    const path = join(this.dir, name);
    writeFileSync(path, content);
    return path;
  }

  readBytes(name: string): Buffer {
    return readFileSync(join(this.dir, name));
  }

  ok(...args: string[]): string {
    const result = spawnSync('openssl', args, { cwd: this.dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`);
    return `${result.stdout}${result.stderr}`;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
