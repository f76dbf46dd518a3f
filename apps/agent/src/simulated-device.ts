import { X509Certificate } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { failureCode } from './agent-http-error';
import type {
  AgentLog,
  CheckinOutcome,
  CheckinRequest,
  CheckinResponse,
  CommandResult,
  CommandResultStatus,
  DeviceKind,
  EnrollRequest,
  EnrollResponse,
  ExecutedCommand,
  GatewayCommand,
  HealthReport,
  OsFamily,
  ReportedProfile,
} from './agent-types';
import { activeSession, CommandHandlers, defaultCommandHandlers, dispatchCommand } from './command-handlers';
import { advanceHealth, RandomSource, toHealthReport } from './device-health';
import { createKeyAndCsr, DeviceKeyPair } from './device-identity';
import { createDeviceState, reportedProfiles, SimulatedDeviceState } from './device-state';
import { DeviceTransport } from './device-transport';
import { DeviceStats, emptyDeviceStats } from './device-stats';
import { warnOnConsole } from './agent-log';
import { longPollRequestTimeoutMs, longPollRetryPauseMs, longPollSeconds, LONG_POLL_MAX_SECONDS } from './long-poll';
import type {
  DeviceIdentity,
  DeviceRunOptions,
  DeviceRunReport,
  SimulatedDeviceOptions,
} from './simulated-device-options';

const DEFAULT_CHECKIN_INTERVAL_SECONDS = 900;
const HISTORY_LIMIT = 200;

export class SimulatedDevice {
  readonly serialNumber: string;
  readonly osFamily: OsFamily;
  readonly deviceKind: DeviceKind;
  readonly model: string;
  osVersion: string;
  /** Add or replace command types here; the map belongs to this device only. */
  readonly commandHandlers: CommandHandlers = defaultCommandHandlers();
  /** Forces the result of the next command, which is then reported without being carried out. */
  nextResult?: CommandResultStatus;
  nextResultDetail?: string;
  checkinIntervalSeconds = DEFAULT_CHECKIN_INTERVAL_SECONDS;
  readonly history: ExecutedCommand[] = [];
  readonly stats: DeviceStats = emptyDeviceStats();

  private readonly state: SimulatedDeviceState;
  private readonly transport: DeviceTransport;
  private readonly random: RandomSource;
  private readonly log: AgentLog;
  private readonly keyPair?: DeviceKeyPair;
  private enrolled?: DeviceIdentity;
  private isDocked: boolean;
  private simulatedClockStarted = false;
  private stopController = new AbortController();

  constructor(options: SimulatedDeviceOptions) {
    this.serialNumber = options.serialNumber;
    this.osFamily = options.osFamily;
    this.deviceKind = options.deviceKind;
    this.model = options.model;
    this.osVersion = options.osVersion;
    this.random = options.random ?? Math.random;
    this.log = options.log ?? warnOnConsole;
    this.keyPair = options.keyPair;
    this.state = createDeviceState(options.osFamily, options.deviceKind, this.random);
    this.isDocked = options.docked ?? false;
    this.state.health.charging = this.isDocked;
    this.transport = new DeviceTransport({
      gatewayUrl: options.gatewayUrl,
      trustedCaPem: options.trustedCaPem,
      clientCertHeader: options.clientCertHeader,
      timeoutMs: options.requestTimeoutMs ?? 30_000,
      log: this.log,
    });
  }

  get identity(): Readonly<DeviceIdentity> | undefined {
    return this.enrolled;
  }

  get deviceId(): string | undefined {
    return this.enrolled?.deviceId;
  }

  get isEnrolled(): boolean {
    return this.enrolled !== undefined;
  }

  get locked(): boolean {
    return this.state.locked;
  }

  get profiles(): ReportedProfile[] {
    return reportedProfiles(this.state);
  }

  get apps(): string[] {
    return [...this.state.apps];
  }

  /** Until `session_end`, or the overlay's own `endsAt` if that never comes (offline). */
  get session(): Readonly<Record<string, unknown>> | null {
    return activeSession(this.state.session, Date.now());
  }

  get health(): HealthReport {
    return toHealthReport(this.state.health);
  }

  /** Counters the default handlers keep, for assertions on restart and wipe. */
  get restarts(): number {
    return this.state.restarts;
  }

  get wipes(): number {
    return this.state.wipes;
  }

  get docked(): boolean {
    return this.isDocked;
  }

  /** A cart charges what is docked in it; set `charging` afterwards to simulate a cart without power. */
  set docked(docked: boolean) {
    this.isDocked = docked;
    this.state.health.charging = docked;
  }

  get charging(): boolean {
    return this.state.health.charging;
  }

  set charging(charging: boolean) {
    this.state.health.charging = charging;
  }

  /** Trusts this CA for the gateway's TLS certificate from now on; a fleet downloads it once for all its devices. */
  pinTrustedCa(pem: string): void {
    this.transport.pinTrustedCa(pem);
  }

  /** `keyPair` (else the one given at construction) is reused instead of generating a key; the CSR is always new. */
  async enroll(token: string, keyPair: DeviceKeyPair | undefined = this.keyPair): Promise<EnrollResponse> {
    const { privateKeyPem, csrPem } = await createKeyAndCsr(this.serialNumber, keyPair);
    const request: EnrollRequest = {
      token,
      csr: csrPem,
      serialNumber: this.serialNumber,
      model: this.model,
      osFamily: this.osFamily,
      osVersion: this.osVersion,
      deviceKind: this.deviceKind,
    };
    const response = await this.transport.postAnonymous<EnrollResponse>('/v1/enroll', request);
    const caChainPems = response.caChain ?? [];
    this.enrolled = {
      deviceId: response.deviceId,
      certificatePem: response.certificate,
      caChainPems,
      privateKeyPem,
      checkinUrl: response.checkinUrl,
    };
    // The root is the server's to trust; sending it would only lengthen every handshake.
    const intermediatePems = caChainPems.filter((pem) => !isSelfSigned(pem));
    this.transport.useIdentity({ privateKeyPem, certificatePem: response.certificate, intermediatePems });
    if (response.checkinIntervalSeconds > 0) this.checkinIntervalSeconds = response.checkinIntervalSeconds;
    return response;
  }

  /**
   * Each check-in after the first advances the simulated clock by the gateway's interval, whatever
   * the wall-clock time in between, so a test or a fast demo still sees batteries drain and charge.
   * Requests always go to `gatewayUrl`, not to the advertised `checkinUrl`, because behind a proxy
   * the advertised address may not be reachable from where the simulator runs.
   */
  async checkIn(): Promise<CheckinOutcome> {
    if (!this.enrolled) throw new Error(`${this.serialNumber} cannot check in before it is enrolled`);
    if (this.simulatedClockStarted) {
      this.state.health = advanceHealth(this.state.health, this.checkinIntervalSeconds, this.random);
    }
    this.simulatedClockStarted = true;
    const response = await this.postCheckin();
    if (response.checkinIntervalSeconds > 0) this.checkinIntervalSeconds = response.checkinIntervalSeconds;
    const results: ExecutedCommand[] = [];
    for (const command of response.commands ?? []) {
      const result = await this.execute(command);
      await this.reportCommandResult(command.id, result);
      results.push(this.remember({ command, result }));
    }
    return { ...response, commands: response.commands ?? [], results };
  }

  /** Public so a test can replay a result and check that the gateway applies it once. */
  async reportCommandResult(commandId: string, result: CommandResult): Promise<void> {
    await this.transport.postAuthenticated<unknown>(`/v1/commands/${encodeURIComponent(commandId)}/result`, result);
    this.stats.commandResults[result.status]++;
  }

  /**
   * Asks the gateway to hold `GET /v1/wait` until something is queued for this device (true) or
   * `timeoutSeconds` pass (false). Ended by `signal` or `stop()`, which reject it.
   */
  async waitForWake(timeoutSeconds = LONG_POLL_MAX_SECONDS, signal?: AbortSignal): Promise<boolean> {
    if (!this.enrolled) throw new Error(`${this.serialNumber} cannot wait for a wake-up before it is enrolled`);
    const seconds = longPollSeconds(timeoutSeconds * 1000);
    const stopSignal = this.stopController.signal;
    const answer = await this.transport.getAuthenticated<{ wake?: unknown } | undefined>(
      `/v1/wait?timeoutSeconds=${seconds}`,
      {
        timeoutMs: longPollRequestTimeoutMs(seconds),
        signal: signal ? AbortSignal.any([signal, stopSignal]) : stopSignal,
      },
    );
    const woken = answer?.wake === true;
    if (woken) this.stats.wakes++;
    return woken;
  }

  /**
   * Keeps checking in until `maxCheckins` attempts, `signal` or `stop()`; failures are counted, not
   * thrown. With `longPoll`, the device waits on the gateway between check-ins and checks in as
   * soon as it is woken, or when the interval is up.
   */
  async run(options: DeviceRunOptions = {}): Promise<DeviceRunReport> {
    const stopSignal = this.stopController.signal;
    const signal = options.signal ? AbortSignal.any([options.signal, stopSignal]) : stopSignal;
    const report: DeviceRunReport = { attempts: 0, failures: 0 };
    if (options.waitFirst && (options.maxCheckins ?? Infinity) > 0) await this.waitBetweenCheckins(options, signal);
    while (!signal.aborted && report.attempts < (options.maxCheckins ?? Infinity)) {
      report.attempts++;
      try {
        await this.checkIn();
      } catch (error) {
        if (signal.aborted) break;
        report.failures++;
        report.lastError = error;
        this.log(
          'warn',
          `${this.serialNumber} check-in failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (report.attempts >= (options.maxCheckins ?? Infinity)) break;
      await this.waitBetweenCheckins(options, signal);
    }
    return report;
  }

  /** Ends any `run()` loop and closes the device's connections. */
  stop(): void {
    this.stopController.abort();
    this.stopController = new AbortController();
    this.transport.destroy();
  }

  private async waitBetweenCheckins(options: DeviceRunOptions, signal: AbortSignal): Promise<void> {
    const intervalMs = (options.intervalSeconds ?? this.checkinIntervalSeconds) * 1000;
    if (options.longPoll) return this.longPollUntil(Date.now() + intervalMs, signal);
    await sleep(intervalMs, undefined, { signal }).catch(() => undefined);
  }

  /** Long-polls until woken or `deadline`; a failed long-poll is logged and retried after a pause. */
  private async longPollUntil(deadline: number, signal: AbortSignal): Promise<void> {
    for (let remaining = deadline - Date.now(); remaining > 0 && !signal.aborted; remaining = deadline - Date.now()) {
      try {
        if (await this.waitForWake(longPollSeconds(remaining), signal)) return;
      } catch (error) {
        if (signal.aborted) return;
        this.log(
          'warn',
          `${this.serialNumber} long-poll failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        await sleep(longPollRetryPauseMs(remaining), undefined, { signal }).catch(() => undefined);
      }
    }
  }

  private async postCheckin(): Promise<CheckinResponse> {
    const body: CheckinRequest = {
      osVersion: this.osVersion,
      ...toHealthReport(this.state.health),
      profiles: reportedProfiles(this.state),
      apps: [...this.state.apps],
      docked: this.isDocked,
    };
    try {
      const response = await this.transport.postAuthenticated<CheckinResponse>('/v1/checkin', body);
      this.stats.checkins++;
      return response;
    } catch (error) {
      const code = failureCode(error);
      this.stats.checkinFailuresByCode[code] = (this.stats.checkinFailuresByCode[code] ?? 0) + 1;
      throw error;
    }
  }

  private async execute(command: GatewayCommand): Promise<CommandResult> {
    const result = this.takeForcedResult() ?? (await dispatchCommand(command, this.state, this.commandHandlers));
    this.log(
      result.status === 'acknowledged' ? 'info' : 'warn',
      `${this.serialNumber} ${command.type} → ${result.status}${result.detail ? ` (${result.detail})` : ''}`,
    );
    return result;
  }

  private takeForcedResult(): CommandResult | undefined {
    const status = this.nextResult;
    if (!status) return undefined;
    const detail = this.nextResultDetail;
    this.nextResult = this.nextResultDetail = undefined;
    return detail === undefined ? { status } : { status, detail };
  }

  private remember(executed: ExecutedCommand): ExecutedCommand {
    this.history.push(executed);
    if (this.history.length > HISTORY_LIMIT) this.history.shift();
    return executed;
  }
}

function isSelfSigned(pem: string): boolean {
  const certificate = new X509Certificate(pem);
  return certificate.subject === certificate.issuer;
}
