import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { failureCode } from './agent-http-error';
import type { AgentLog, DeviceKind, OsFamily } from './agent-types';
import { forEachWithConcurrency } from './concurrency';
import { defaultDeviceKind, defaultModel, defaultOsVersion } from './device-defaults';
import { DeviceKeyPair, generateDeviceKeyPair } from './device-identity';
import type { RandomSource } from './device-health';
import { FleetSummary, summarizeFleet } from './fleet-summary';
import { downloadGatewayCa, unverifiedCaWarning } from './gateway-ca';
import { isPlainHttp } from './gateway-url';
import { warnOnConsole } from './agent-log';
import { SimulatedDevice } from './simulated-device';

export interface SimulatedFleetOptions {
  gatewayUrl: string;
  token: string;
  count: number;
  osFamily: OsFamily;
  deviceKind?: DeviceKind;
  model?: string;
  osVersion?: string;
  trustedCaPem?: string;
  clientCertHeader?: string;
  /** How many enrollments are in flight at once; the default leaves headroom for a 2-core gateway. */
  enrollConcurrency?: number;
  checkinConcurrency?: number;
  docked?: boolean;
  /** The `<random>` part of `SIM-<os>-<random>-<n>`, to get the same serials again. */
  serialTag?: string;
  log?: AgentLog;
  random?: RandomSource;
  /** One key for every device of the fleet (each still sends its own CSR and gets its own certificate). */
  keyPair?: DeviceKeyPair;
  /** Without `keyPair`: generate one key at the first enrollment and share it, instead of one per device. */
  sharedKey?: boolean;
}

export interface FleetRunOptions {
  /** Defaults to the shortest interval the gateway asked for. */
  intervalSeconds?: number;
  /** Check-in rounds after enrollment; unlimited when absent. */
  maxCheckins?: number;
  signal?: AbortSignal;
  /** After a first round, each device long-polls the gateway and checks in as soon as it is woken. */
  longPoll?: boolean;
}

export class SimulatedFleet {
  readonly devices: readonly SimulatedDevice[];
  /** The last enrollment error of each device that is not enrolled, by serial number. */
  readonly enrollmentErrors = new Map<string, unknown>();

  private readonly log: AgentLog;
  private stopController = new AbortController();
  private sharedKeyPair?: Promise<DeviceKeyPair>;

  constructor(private readonly options: SimulatedFleetOptions) {
    this.log = options.log ?? warnOnConsole;
    this.devices = createDevices(options, this.log);
  }

  get enrolledDevices(): SimulatedDevice[] {
    return this.devices.filter((device) => device.isEnrolled);
  }

  /** Enrolls every device not enrolled yet; refusals are recorded, never thrown. */
  async enrollAll(signal?: AbortSignal): Promise<FleetSummary> {
    await this.shareTrustedCa();
    const pending = this.devices.filter((device) => !device.isEnrolled);
    const keyPair = pending.length ? await this.fleetKeyPair() : undefined;
    let done = 0;
    await forEachWithConcurrency(
      pending,
      this.options.enrollConcurrency ?? 8,
      async (device) => {
        try {
          const { deviceId } = await device.enroll(this.options.token, keyPair);
          this.enrollmentErrors.delete(device.serialNumber);
          this.log('info', `[${++done}/${pending.length}] ${device.serialNumber} enrolled as ${deviceId}`);
        } catch (error) {
          this.enrollmentErrors.set(device.serialNumber, error);
          this.log('warn', `[${++done}/${pending.length}] ${device.serialNumber} not enrolled: ${describe(error)}`);
        }
      },
      this.combinedSignal(signal),
    );
    const summary = this.summary();
    this.log('info', `enrollment: ${summary.enrolled} enrolled, ${this.enrollmentErrors.size} failed`);
    return summary;
  }

  /** One check-in of every enrolled device; failures are counted in the summary, never thrown. */
  async checkInAll(signal?: AbortSignal): Promise<FleetSummary> {
    await this.checkInRound(this.combinedSignal(signal));
    return this.summary();
  }

  /** Enrolls, then checks every device in once per interval until `maxCheckins` rounds, `signal` or `stop()`. */
  async run(options: FleetRunOptions = {}): Promise<FleetSummary> {
    const signal = this.combinedSignal(options.signal);
    await this.enrollAll(signal);
    const rounds = options.maxCheckins ?? Infinity;
    if (options.longPoll) return this.runLongPolling(rounds, options, signal);
    for (let round = 1; round <= rounds && !signal.aborted && this.enrolledDevices.length > 0; round++) {
      const before = this.summary();
      await this.checkInRound(signal);
      const after = this.summary();
      this.log(
        'info',
        `check-in round ${round}: ${after.checkins - before.checkins} ok, ${failures(after) - failures(before)} failed, ` +
          `${after.commandResults.acknowledged - before.commandResults.acknowledged} commands acknowledged`,
      );
      if (round < rounds)
        await sleep(this.intervalSeconds(options) * 1000, undefined, { signal }).catch(() => undefined);
    }
    return this.summary();
  }

  stop(): void {
    this.stopController.abort();
    this.stopController = new AbortController();
    for (const device of this.devices) device.stop();
  }

  /** The shared key, generated once however many enrollments ask for it; undefined means one key per device. */
  fleetKeyPair(): Promise<DeviceKeyPair | undefined> {
    if (this.options.keyPair) return Promise.resolve(this.options.keyPair);
    if (!this.options.sharedKey) return Promise.resolve(undefined);
    this.sharedKeyPair ??= generateDeviceKeyPair();
    return this.sharedKeyPair;
  }

  summary(): FleetSummary {
    return summarizeFleet(this.devices, [...this.enrollmentErrors.values()].map(failureCode));
  }

  /** The first round keeps its bounded concurrency; after it each device waits for its own wake-up. */
  private async runLongPolling(rounds: number, options: FleetRunOptions, signal: AbortSignal): Promise<FleetSummary> {
    if (rounds < 1 || signal.aborted || this.enrolledDevices.length === 0) return this.summary();
    await this.checkInRound(signal);
    this.log('info', `check-in round 1 done; ${this.enrolledDevices.length} devices now long-poll the gateway`);
    await Promise.all(
      this.enrolledDevices.map((device) =>
        device.run({
          intervalSeconds: options.intervalSeconds,
          maxCheckins: rounds - 1,
          signal,
          longPoll: true,
          waitFirst: true,
        }),
      ),
    );
    return this.summary();
  }

  private async checkInRound(signal: AbortSignal): Promise<void> {
    await forEachWithConcurrency(
      this.enrolledDevices,
      this.options.checkinConcurrency ?? 50,
      async (device) => {
        await device
          .checkIn()
          .catch((error: unknown) => this.log('warn', `${device.serialNumber} check-in failed: ${describe(error)}`));
      },
      signal,
    );
  }

  private async shareTrustedCa(): Promise<void> {
    const { gatewayUrl, trustedCaPem } = this.options;
    if (trustedCaPem || isPlainHttp(gatewayUrl) || this.devices.length === 0) return;
    const pem = await downloadGatewayCa(gatewayUrl);
    this.log('warn', unverifiedCaWarning(gatewayUrl));
    for (const device of this.devices) device.pinTrustedCa(pem);
  }

  private intervalSeconds(options: FleetRunOptions): number {
    return options.intervalSeconds ?? Math.min(...this.enrolledDevices.map((device) => device.checkinIntervalSeconds));
  }

  private combinedSignal(signal?: AbortSignal): AbortSignal {
    return signal ? AbortSignal.any([signal, this.stopController.signal]) : this.stopController.signal;
  }
}

function createDevices(options: SimulatedFleetOptions, log: AgentLog): SimulatedDevice[] {
  const deviceKind = options.deviceKind ?? defaultDeviceKind(options.osFamily);
  const tag = options.serialTag ?? randomBytes(3).toString('hex');
  const width = String(options.count).length;
  return Array.from(
    { length: options.count },
    (_, index) =>
      new SimulatedDevice({
        gatewayUrl: options.gatewayUrl,
        osFamily: options.osFamily,
        deviceKind,
        serialNumber: `SIM-${options.osFamily}-${tag}-${String(index + 1).padStart(width, '0')}`,
        model: options.model ?? defaultModel(options.osFamily, deviceKind),
        osVersion: options.osVersion ?? defaultOsVersion(options.osFamily),
        trustedCaPem: options.trustedCaPem,
        clientCertHeader: options.clientCertHeader,
        docked: options.docked,
        log,
        random: options.random,
      }),
  );
}

function failures(summary: FleetSummary): number {
  return Object.values(summary.checkinFailuresByCode).reduce((total, count) => total + count, 0);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
