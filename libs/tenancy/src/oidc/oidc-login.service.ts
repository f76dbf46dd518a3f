import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { BaseClient, generators, Issuer } from 'openid-client';
import { DataSource } from 'typeorm';
import { createRedis, SocleConfig } from '@socle/core';
import { AuthService } from '../auth.service';
import { User } from '../user.entity';
import { OidcSettingsService } from './oidc-settings.service';

const STATE_TTL_SECONDS = 600;

interface PendingLogin {
  collectiviteId: string;
  nonce: string;
  codeVerifier: string;
}

/** Why a single sign-on did not end in a session; the console shows the French for each. */
export class OidcLoginRefused extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

/**
 * Single sign-on for staff (authorization code + PKCE). The pending login (state → nonce, PKCE
 * verifier) lives in Redis and is taken with GETDEL: a callback is honoured once, on whichever
 * instance receives it. The person must already have an account in that collectivité, matched by
 * e-mail; nothing is created by a login.
 */
@Injectable()
export class OidcLoginService implements OnModuleDestroy {
  private readonly logger = new Logger(OidcLoginService.name);
  private readonly redis: Redis;

  constructor(
    private readonly settings: OidcSettingsService,
    private readonly auth: AuthService,
    private readonly dataSource: DataSource,
    config: SocleConfig,
  ) {
    this.redis = createRedis(config.redisUrl, { keyPrefix: `${config.redisPrefix}:oidc:`, maxRetriesPerRequest: 2 });
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }

  /** The provider's authorization URL to redirect the browser to. */
  async start(collectiviteId: string): Promise<string> {
    const { client, scopes } = await this.client(collectiviteId);
    const state = generators.state();
    const pending: PendingLogin = {
      collectiviteId,
      nonce: generators.nonce(),
      codeVerifier: generators.codeVerifier(),
    };
    await this.redis.set(`state:${state}`, JSON.stringify(pending), 'EX', STATE_TTL_SECONDS);
    return client.authorizationUrl({
      scope: scopes.join(' '),
      state,
      nonce: pending.nonce,
      code_challenge: generators.codeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
  }

  /** Checks state, code, PKCE, nonce and the ID token, then signs the matching user in. */
  async finish(query: Record<string, string>): Promise<{ accessToken: string; expiresIn: number }> {
    const state = typeof query.state === 'string' ? query.state : '';
    const raw = state ? await this.redis.getdel(`state:${state}`) : null;
    if (!raw) throw new OidcLoginRefused('OIDC_STATE_INVALID');
    const pending = JSON.parse(raw) as PendingLogin;
    if (query.error) throw new OidcLoginRefused('OIDC_PROVIDER_REFUSED');
    const { client, emailClaim } = await this.client(pending.collectiviteId);
    let claims: Record<string, unknown>;
    try {
      const tokens = await client.callback(
        this.settings.redirectUri(),
        client.callbackParams(`?${new URLSearchParams(query)}`),
        {
          state,
          nonce: pending.nonce,
          code_verifier: pending.codeVerifier,
        },
      );
      claims = tokens.claims();
      // Many providers keep scope claims out of the ID token: ask userinfo (openid-client checks its sub).
      if (claims[emailClaim] === undefined && tokens.access_token)
        claims = { ...(await client.userinfo(tokens)), ...claims };
    } catch (error) {
      this.logger.warn(`Single sign-on refused by the checks: ${(error as Error).message}`);
      throw new OidcLoginRefused('OIDC_CALLBACK_INVALID');
    }
    const email = claims[emailClaim];
    if (typeof email !== 'string' || claims.email_verified === false) throw new OidcLoginRefused('OIDC_EMAIL_MISSING');
    const user = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .where('u.email = :email AND u.collectivite_id = :collectiviteId AND u.disabled_at IS NULL', {
        email: email.toLowerCase(),
        collectiviteId: pending.collectiviteId,
      })
      .getOne();
    if (!user) throw new OidcLoginRefused('OIDC_USER_UNKNOWN');
    return this.auth.issue(user);
  }

  private async client(collectiviteId: string): Promise<{ client: BaseClient; scopes: string[]; emailClaim: string }> {
    const { settings, clientSecret } = await this.settings.load(collectiviteId);
    const issuer = await Issuer.discover(settings.issuer);
    const client = new issuer.Client({
      client_id: settings.clientId,
      client_secret: clientSecret,
      redirect_uris: [this.settings.redirectUri()],
      response_types: ['code'],
    });
    return { client, scopes: settings.scopes, emailClaim: settings.emailClaim };
  }
}
