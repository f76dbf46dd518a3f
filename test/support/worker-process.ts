import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { SocleConfig } from '@socle/core';

const ROOT = join(__dirname, '..', '..');
const READY_LINE = 'Socle started';
const OUTPUT_KEPT = 20_000;

/** Every worker a suite started, so that afterAll can kill whatever is still alive, even after a failure. */
const alive = new Set<WorkerProcess>();

/**
 * The real worker (`apps/worker/src/main.ts`) in a child process of its own, so a test can SIGKILL
 * it like the kernel's OOM killer or a lost container would: no shutdown hook, locks left behind.
 */
export class WorkerProcess {
  private output = '';
  private readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcess) {
    const keep = (chunk: Buffer) => (this.output = (this.output + chunk.toString('utf8')).slice(-OUTPUT_KEPT));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    void this.exited.then(() => alive.delete(this));
  }

  /** Starts a worker on the suite's database and Redis prefix; resolves once it says it has started. */
  static async start(
    config: SocleConfig,
    extraEnv: Record<string, string> = {},
    readyWithinMs = 60_000,
  ): Promise<WorkerProcess> {
    const env = {
      ...process.env,
      SOCLE_DATABASE_URL: config.databaseUrl,
      SOCLE_REDIS_URL: config.redisUrl,
      SOCLE_REDIS_PREFIX: config.redisPrefix,
      // The secrets the global setup put in process.env; the worker must not invent development ones.
      SOCLE_MASTER_KEY: config.masterKey,
      SOCLE_JWT_SECRET: config.jwtSecret,
      SOCLE_LOG_LEVEL: 'warn',
      ...extraEnv,
    };
    const child = spawn(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'apps/worker/src/main.ts')], {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker = new WorkerProcess(child);
    alive.add(worker);
    await worker.ready(readyWithinMs);
    return worker;
  }

  get pid(): number {
    return this.child.pid!;
  }

  get log(): string {
    return this.output;
  }

  /** SIGKILL by default: nothing the worker could run on its way out. */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill(signal);
    return this.exited;
  }

  private ready(withinMs: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => fail(new Error(`worker not started within ${withinMs} ms:\n${this.output}`)),
        withinMs,
      );
      const onData = () => this.output.includes(READY_LINE) && done();
      const onExit = (code: number | null) =>
        fail(new Error(`worker exited (${code}) before starting:\n${this.output}`));
      const cleanUp = () => {
        clearTimeout(timer);
        this.child.stdout?.off('data', onData);
        this.child.off('exit', onExit);
      };
      const done = () => {
        cleanUp();
        resolve();
      };
      const fail = (error: Error) => {
        cleanUp();
        void this.kill().then(() => reject(error));
      };
      // Listeners added after the constructor's, so `output` already holds the chunk when they run.
      this.child.stdout?.on('data', onData);
      this.child.once('exit', onExit);
    });
  }
}

/** For afterAll: no worker of the suite outlives it, whatever happened in the tests. */
export async function killAllWorkers(): Promise<void> {
  await Promise.all([...alive].map((worker) => worker.kill()));
}
