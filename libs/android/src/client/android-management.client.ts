import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { androidmanagement, androidmanagement_v1 } from '@googleapis/androidmanagement';
import { SocleError } from '@socle/core';
import { AndroidErrorCode } from '../android-error-codes';
import { androidErrors } from '../android-errors';
import { AndroidSettings } from '../config/android-settings';
import { AmapiFailure, describeFailure } from './amapi-failure';
import { DEFAULT_RETRY_POLICY, isRetryableStatus, retryDelayMs, RetryPolicy } from './retry-policy';
import { Semaphore } from './semaphore';
import { serviceAccountAuth } from './service-account-auth';

type Amapi = androidmanagement_v1.Androidmanagement;
export type AmapiPolicy = androidmanagement_v1.Schema$Policy;
export type AmapiDevice = androidmanagement_v1.Schema$Device;
export type AmapiOperation = androidmanagement_v1.Schema$Operation;
export type AmapiCommand = androidmanagement_v1.Schema$Command;
export type AmapiEnrollmentToken = androidmanagement_v1.Schema$EnrollmentToken;
export type AmapiEnterprise = androidmanagement_v1.Schema$Enterprise;
export type AmapiWebApp = androidmanagement_v1.Schema$WebApp;

export const ANDROID_CLIENT_OPTIONS = Symbol('ANDROID_CLIENT_OPTIONS');

export interface AndroidClientOptions {
  retry?: RetryPolicy;
  /** Calls in flight at once for this process (AMAPI's quota is per project, so keep it small). */
  concurrency?: number;
  /** Injected by tests to observe the back-off without waiting it out. */
  sleep?: (ms: number) => Promise<void>;
}

/** What a call is about: its name for logs, and what a 404 means for it. */
interface CallTarget {
  label: string;
  /** `device`: a 404 means the device was deleted on Google's side; `signup`: an unknown signup URL. */
  notFound: 'device' | 'signup' | string;
  /** The resource the call names (the device, for ANDROID_DEVICE_DELETED's detail). */
  resource?: string;
}

/**
 * One method per AMAPI call Socle makes, through the official client. Every call shares one
 * semaphore, is retried on 429 / 5xx / no answer (honouring `Retry-After`), and fails as a
 * SocleError with a stable code and a French message.
 */
@Injectable()
export class AndroidManagementClient {
  private readonly logger = new Logger(AndroidManagementClient.name);
  private readonly semaphore: Semaphore;
  private readonly retry: RetryPolicy;
  private readonly sleep: (ms: number) => Promise<void>;
  private amapi?: Amapi;

  constructor(
    private readonly settings: AndroidSettings,
    @Optional() @Inject(ANDROID_CLIENT_OPTIONS) options: AndroidClientOptions | null = null,
  ) {
    this.semaphore = new Semaphore(options?.concurrency ?? 4);
    this.retry = options?.retry ?? DEFAULT_RETRY_POLICY;
    this.sleep = options?.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  get configured(): boolean {
    return this.settings.api !== null;
  }

  get projectId(): string {
    return this.api().projectId;
  }

  async createSignupUrl(callbackUrl: string): Promise<{ name: string; url: string }> {
    const { data } = await this.call({ label: 'signupUrls.create', notFound: 'signup' }, (amapi, o) =>
      amapi.signupUrls.create({ projectId: this.projectId, callbackUrl }, o),
    );
    return { name: String(data.name), url: String(data.url) };
  }

  async createEnterprise(
    signupUrlName: string,
    enterpriseToken: string,
    displayName?: string,
  ): Promise<AmapiEnterprise> {
    const { data } = await this.call({ label: 'enterprises.create', notFound: 'signup' }, (amapi, o) =>
      amapi.enterprises.create(
        {
          projectId: this.projectId,
          signupUrlName,
          enterpriseToken,
          requestBody: displayName ? { enterpriseDisplayName: displayName } : {},
        },
        o,
      ),
    );
    return data;
  }

  async getEnterprise(name: string): Promise<AmapiEnterprise> {
    const { data } = await this.call({ label: 'enterprises.get', notFound: `L'entreprise ${name}` }, (amapi, o) =>
      amapi.enterprises.get({ name }, o),
    );
    return data;
  }

  /** Creates or replaces the whole policy (no updateMask): what Socle renders is the policy. */
  async patchPolicy(name: string, policy: AmapiPolicy): Promise<AmapiPolicy> {
    const { data } = await this.call({ label: 'policies.patch', notFound: `La stratégie ${name}` }, (amapi, o) =>
      amapi.enterprises.policies.patch({ name, requestBody: policy }, o),
    );
    return data;
  }

  async createEnrollmentToken(enterpriseName: string, token: AmapiEnrollmentToken): Promise<AmapiEnrollmentToken> {
    const { data } = await this.call(
      { label: 'enrollmentTokens.create', notFound: `L'entreprise ${enterpriseName}` },
      (amapi, o) => amapi.enterprises.enrollmentTokens.create({ parent: enterpriseName, requestBody: token }, o),
    );
    return data;
  }

  async listDevicesPage(
    enterpriseName: string,
    pageToken?: string,
    pageSize = 100,
  ): Promise<{ devices: AmapiDevice[]; nextPageToken: string | null }> {
    const { data } = await this.call(
      { label: 'devices.list', notFound: `L'entreprise ${enterpriseName}` },
      (amapi, o) => amapi.enterprises.devices.list({ parent: enterpriseName, pageSize, pageToken }, o),
    );
    return { devices: data.devices ?? [], nextPageToken: data.nextPageToken || null };
  }

  /** Every device of the enterprise, page after page (each page is one call, retried on its own). */
  async *listAllDevices(enterpriseName: string, pageSize = 100): AsyncGenerator<AmapiDevice> {
    let pageToken: string | undefined;
    do {
      const page = await this.listDevicesPage(enterpriseName, pageToken, pageSize);
      yield* page.devices;
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
  }

  /** The device, or null when Google no longer knows it (deleted, or wiped by hand on the tablet). */
  async getDevice(name: string): Promise<AmapiDevice | null> {
    try {
      const { data } = await this.call({ label: 'devices.get', notFound: 'device', resource: name }, (amapi, o) =>
        amapi.enterprises.devices.get({ name }, o),
      );
      return data;
    } catch (error) {
      if (error instanceof SocleError && error.code === AndroidErrorCode.DeviceDeleted) return null;
      throw error;
    }
  }

  async issueCommand(deviceName: string, command: AmapiCommand): Promise<AmapiOperation> {
    const { data } = await this.call(
      { label: 'devices.issueCommand', notFound: 'device', resource: deviceName },
      (amapi, o) => amapi.enterprises.devices.issueCommand({ name: deviceName, requestBody: command }, o),
    );
    return data;
  }

  /**
   * Deletes the device on Google's side, which wipes it (a company-owned tablet goes back to its
   * welcome screen). Already gone counts as done: a retried retirement must not fail.
   */
  async deleteDevice(
    deviceName: string,
    wipeDataFlags: string[],
    wipeReasonMessage?: string,
  ): Promise<{ alreadyDeleted: boolean }> {
    try {
      await this.call({ label: 'devices.delete', notFound: 'device', resource: deviceName }, (amapi, o) =>
        amapi.enterprises.devices.delete({ name: deviceName, wipeDataFlags, wipeReasonMessage }, o),
      );
      return { alreadyDeleted: false };
    } catch (error) {
      if (error instanceof SocleError && error.code === AndroidErrorCode.DeviceDeleted) return { alreadyDeleted: true };
      throw error;
    }
  }

  async getOperation(name: string): Promise<AmapiOperation> {
    const { data } = await this.call({ label: 'operations.get', notFound: `L'opération ${name}` }, (amapi, o) =>
      amapi.enterprises.devices.operations.get({ name }, o),
    );
    return data;
  }

  async createWebApp(enterpriseName: string, webApp: AmapiWebApp): Promise<AmapiWebApp> {
    const { data } = await this.call(
      { label: 'webApps.create', notFound: `L'entreprise ${enterpriseName}` },
      (amapi, o) => amapi.enterprises.webApps.create({ parent: enterpriseName, requestBody: webApp }, o),
    );
    return data;
  }

  private api(): { amapi: Amapi; projectId: string } {
    const settings = this.settings.api;
    if (!settings) throw androidErrors.notConfigured(this.settings.missing);
    this.amapi ??= androidmanagement({
      version: 'v1',
      // google-auth-library 10 next to the client's own 8: the request interface is the same.
      auth: serviceAccountAuth(settings.key) as any,
      rootUrl: settings.apiUrl,
    });
    return { amapi: this.amapi, projectId: settings.projectId };
  }

  /** `retry: false`: the library's own retries would hide 429s from ours and ignore our cap. */
  private async call<T>(target: CallTarget, run: (amapi: Amapi, options: { retry: false }) => Promise<T>): Promise<T> {
    const { amapi } = this.api();
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.semaphore.run(() => run(amapi, { retry: false }));
      } catch (error) {
        const failure = describeFailure(error);
        if (failure.auth || !isRetryableStatus(failure.status) || attempt >= this.retry.attempts) {
          throw this.toSocleError(target, failure);
        }
        const delay = retryDelayMs(this.retry, attempt, failure.retryAfter);
        this.logger.warn(
          { call: target.label, status: failure.status ?? 'no answer', attempt, delayMs: delay },
          'AMAPI call failed, retrying',
        );
        await this.sleep(delay);
      }
    }
  }

  private toSocleError(target: CallTarget, failure: AmapiFailure): SocleError {
    this.logger.warn({ call: target.label, status: failure.status ?? 'no answer', message: failure.message });
    if (failure.auth || failure.status === 401) return androidErrors.authFailed();
    switch (failure.status) {
      case undefined:
        return androidErrors.unavailable();
      case 429:
        return androidErrors.rateLimited();
      case 403:
        return androidErrors.permissionDenied();
      case 404:
        if (target.notFound === 'device') return androidErrors.deviceDeleted(target.resource ?? '');
        if (target.notFound === 'signup') return androidErrors.signupUnknown();
        return androidErrors.notFound(target.notFound);
      case 400:
      case 409:
      case 412:
        return androidErrors.rejected(failure.message);
      default:
        return failure.status >= 500 ? androidErrors.unavailable() : androidErrors.rejected(failure.message);
    }
  }
}
