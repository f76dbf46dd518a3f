import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface OpensslResult {
  status: number | null;
  /** stdout and stderr together: OpenSSL prints verdicts on either. */
  output: string;
}

/** A temporary directory where specs write PEM files and run the openssl CLI on them, as an independent judge. */
export class OpensslWorkspace {
  readonly dir = mkdtempSync(join(tmpdir(), 'socle-pki-'));

  file(name: string, content: string | Buffer): string {
    const path = join(this.dir, name);
    writeFileSync(path, content);
    return path;
  }

  read(name: string): string {
    return readFileSync(join(this.dir, name), 'utf8');
  }

  run(...args: string[]): OpensslResult {
    const result = spawnSync('openssl', args, { cwd: this.dir, encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  }

  /** Runs and fails the test with OpenSSL's own words when it exits non-zero. */
  ok(...args: string[]): string {
    const result = this.run(...args);
    if (result.status !== 0) throw new Error(`openssl ${args.join(' ')} failed:\n${result.output}`);
    return result.output;
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
