import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAuthor, AuditService } from '@socle/audit';
import { Actor, Role, violatedConstraint } from '@socle/core';
import { Collectivite } from '@socle/tenancy';
import { androidErrors } from '../android-errors';
import { AndroidManagementClient } from '../client/android-management.client';
import { AndroidSettings } from '../config/android-settings';
import { AndroidEnterprise } from './android-enterprise.entity';

/** The admin has this long to fill in Google's signup form. */
const SIGNUP_TTL_MS = 2 * 3600_000;
export const ENTERPRISE_CALLBACK_PATH = '/api/v1/android/enterprise/callback';

export interface EnterpriseView {
  enterpriseName: string | null;
  displayName: string | null;
  boundVia: 'signup' | 'attached' | null;
  boundAt: Date | null;
  pendingSignup: { signupUrlName: string; expiresAt: Date } | null;
}

const hashState = (state: string) => createHash('sha256').update(state, 'utf8').digest();

/**
 * Binds each collectivité to its Android enterprise: through Google's signup (a signup URL, then
 * the enterprise created from the token Google appends to the callback) or by attaching an
 * enterprise that already exists. Every change is audited in its own transaction.
 */
@Injectable()
export class AndroidEnterpriseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly client: AndroidManagementClient,
    private readonly settings: AndroidSettings,
  ) {}

  /** Starts a signup; `requestOrigin` is used for the default callback when SOCLE_PUBLIC_API_URL is unset. */
  async startSignup(actor: Actor, callbackUrl: string | undefined, requestOrigin: string) {
    this.requireConfigured();
    const tenant = actor.tenantId();
    const current = await this.find(tenant);
    if (current?.enterpriseName) throw androidErrors.enterpriseAlreadyBound(current.enterpriseName);
    const state = randomBytes(32).toString('base64url');
    const callback = new URL(
      callbackUrl ?? `${this.settings.publicApiUrl ?? requestOrigin}${ENTERPRISE_CALLBACK_PATH}`,
    );
    callback.searchParams.set('state', state);
    const signup = await this.client.createSignupUrl(callback.toString());
    const expiresAt = new Date(Date.now() + SIGNUP_TTL_MS);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO android_enterprises (collectivite_id, signup_url_name, signup_state_hash, signup_expires_at, created_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (collectivite_id) DO UPDATE
           SET signup_url_name = EXCLUDED.signup_url_name, signup_state_hash = EXCLUDED.signup_state_hash,
               signup_expires_at = EXCLUDED.signup_expires_at, created_by = EXCLUDED.created_by, updated_at = now()
           WHERE android_enterprises.enterprise_name IS NULL`,
        [tenant, signup.name, hashState(state), expiresAt, actor.userId],
      );
      await this.audit.record(manager, actor, {
        action: 'android.enterprise.signup_started',
        entityType: 'android_enterprise',
        collectiviteId: tenant,
        summary: { signupUrlName: signup.name, callbackHost: callback.host },
      });
    });
    return { signupUrl: signup.url, signupUrlName: signup.name, expiresAt };
  }

  /** `POST /android/enterprise`: the console sends back the signup it started and Google's token. */
  async completeSignup(actor: Actor, signupUrlName: string, enterpriseToken: string): Promise<EnterpriseView> {
    this.requireConfigured();
    const pending = await this.find(actor.tenantId());
    if (!pending || pending.enterpriseName || pending.signupUrlName !== signupUrlName)
      throw androidErrors.signupUnknown();
    return this.createFromSignup(pending, enterpriseToken, actor);
  }

  /** Google's redirect back, in the admin's browser: the `state` Socle put in the callback authenticates it. */
  async completeFromCallback(state: string, enterpriseToken: string): Promise<EnterpriseView> {
    this.requireConfigured();
    const pending = await this.dataSource
      .getRepository(AndroidEnterprise)
      .findOneBy({ signupStateHash: hashState(state) });
    if (!pending || pending.enterpriseName) throw androidErrors.signupUnknown();
    const author = new Actor(pending.createdBy ?? '', Role.CollectiviteAdmin, pending.collectiviteId, []);
    return this.createFromSignup(pending, enterpriseToken, pending.createdBy ? author : { system: 'android-signup' });
  }

  /** `PUT /android/enterprise`: an enterprise that already exists in the project (created by hand, or moved). */
  async attach(actor: Actor, enterpriseName: string): Promise<EnterpriseView> {
    this.requireConfigured();
    const tenant = actor.tenantId();
    const current = await this.find(tenant);
    if (current?.enterpriseName === enterpriseName) {
      // PUT is idempotent, and the repeat is still written down (every change request is audited).
      await this.audit.record(this.dataSource.manager, actor, {
        action: 'android.enterprise.attached',
        entityType: 'android_enterprise',
        entityId: current.id,
        collectiviteId: tenant,
        summary: { enterpriseName, unchanged: true },
      });
      return view(current);
    }
    if (current?.enterpriseName) throw androidErrors.enterpriseAlreadyBound(current.enterpriseName);
    const enterprise = await this.client.getEnterprise(enterpriseName).catch((error) => {
      if (['ANDROID_RESOURCE_NOT_FOUND', 'ANDROID_PERMISSION_DENIED'].includes(error?.code))
        throw androidErrors.enterpriseNotFound(enterpriseName);
      throw error;
    });
    return this.bind(tenant, actor, enterpriseName, enterprise.enterpriseDisplayName ?? null, 'attached', null);
  }

  async get(actor: Actor): Promise<EnterpriseView> {
    this.requireConfigured();
    const row = await this.find(actor.tenantId());
    if (!row) throw androidErrors.enterpriseNotBound();
    return view(row);
  }

  /** The enterprise the collectivité's Android packs live in (for tokens, policies, sync), or 404. */
  async enterpriseNameOf(collectiviteId: string): Promise<string> {
    const row = await this.find(collectiviteId);
    if (!row?.enterpriseName) throw androidErrors.enterpriseNotBound();
    return row.enterpriseName;
  }

  private async createFromSignup(pending: AndroidEnterprise, enterpriseToken: string, author: AuditAuthor) {
    if (!pending.signupExpiresAt || pending.signupExpiresAt.getTime() < Date.now()) throw androidErrors.signupExpired();
    const collectivite = await this.dataSource
      .getRepository(Collectivite)
      .findOneByOrFail({ id: pending.collectiviteId });
    const enterprise = await this.client.createEnterprise(pending.signupUrlName!, enterpriseToken, collectivite.name);
    return this.bind(
      pending.collectiviteId,
      author,
      String(enterprise.name),
      enterprise.enterpriseDisplayName ?? collectivite.name,
      'signup',
      pending.signupUrlName,
    );
  }

  private async bind(
    tenant: string,
    author: AuditAuthor,
    enterpriseName: string,
    displayName: string | null,
    boundVia: 'signup' | 'attached',
    signupUrlName: string | null,
  ): Promise<EnterpriseView> {
    const createdBy = author instanceof Actor && author.userId ? author.userId : null;
    try {
      return await this.dataSource.transaction(async (manager) => {
        const [row] = await manager.query(
          `INSERT INTO android_enterprises (collectivite_id, enterprise_name, display_name, bound_via, bound_at, created_by)
           VALUES ($1, $2, $3, $4, now(), $5)
           ON CONFLICT (collectivite_id) DO UPDATE
             SET enterprise_name = EXCLUDED.enterprise_name, display_name = EXCLUDED.display_name,
                 bound_via = EXCLUDED.bound_via, bound_at = EXCLUDED.bound_at, created_by = EXCLUDED.created_by,
                 signup_url_name = NULL, signup_state_hash = NULL, signup_expires_at = NULL, updated_at = now()
             WHERE android_enterprises.enterprise_name IS NULL
           RETURNING id`,
          [tenant, enterpriseName, displayName, boundVia, createdBy],
        );
        // Someone bound it between our read and this write: theirs stands.
        if (!row) throw androidErrors.enterpriseAlreadyBound((await this.find(tenant, manager))?.enterpriseName ?? '');
        await this.audit.record(manager, author, {
          action: boundVia === 'signup' ? 'android.enterprise.created' : 'android.enterprise.attached',
          entityType: 'android_enterprise',
          entityId: row.id,
          collectiviteId: tenant,
          summary: { enterpriseName, displayName, signupUrlName },
        });
        return view((await this.find(tenant, manager))!);
      });
    } catch (error) {
      if (violatedConstraint(error) === 'uq_android_enterprises_enterprise_name') throw androidErrors.enterpriseTaken();
      throw error;
    }
  }

  private find(collectiviteId: string, manager: EntityManager = this.dataSource.manager) {
    return manager.getRepository(AndroidEnterprise).findOneBy({ collectiviteId });
  }

  private requireConfigured(): void {
    if (!this.client.configured) throw androidErrors.notConfigured(this.settings.missing);
  }
}

function view(row: AndroidEnterprise): EnterpriseView {
  return {
    enterpriseName: row.enterpriseName,
    displayName: row.displayName,
    boundVia: row.boundVia,
    boundAt: row.boundAt,
    pendingSignup:
      !row.enterpriseName && row.signupUrlName && row.signupExpiresAt
        ? { signupUrlName: row.signupUrlName, expiresAt: row.signupExpiresAt }
        : null,
  };
}
