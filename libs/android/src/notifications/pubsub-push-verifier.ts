import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import { OAuth2Client } from 'google-auth-library';
import type Redis from 'ioredis';
import { createRedis, SocleConfig } from '@socle/core';
import { androidErrors } from '../android-errors';
import { AndroidSettings } from '../config/android-settings';
import { AndroidNotification, PushOutcome } from './android-notification';

/** Pub/Sub redelivers for days; Socle remembers message ids for an hour and drops older ones (the periodic pull covers them). */
export const PUSH_DEDUPE_WINDOW_SECONDS = 3600;
const TYPES = new Set(['ENROLLMENT', 'STATUS_REPORT', 'COMMAND', 'USAGE_LOGS']);
export const PUSH_DEDUPE_REDIS = Symbol('PUSH_DEDUPE_REDIS');

/**
 * Verifies a Pub/Sub push to `POST /v1/android/notifications`: the bearer is an OIDC token Google
 * signs for the push subscription (signature against Google's published certificates, issuer,
 * audience = SOCLE_ANDROID_PUBSUB_AUDIENCE, expiry, and the push service account when configured),
 * then decodes the envelope into a typed notification, once per message id.
 */
@Injectable()
export class PubsubPushVerifier implements OnModuleDestroy {
  private oauth?: OAuth2Client;
  private redis?: Redis;

  constructor(
    private readonly settings: AndroidSettings,
    @Optional() private readonly config: SocleConfig | null = null,
    @Optional() @Inject(PUSH_DEDUPE_REDIS) redis: Redis | null = null,
  ) {
    this.redis = redis ?? undefined;
  }

  async receive(authorization: string | undefined, body: unknown): Promise<PushOutcome> {
    const push = this.settings.push;
    if (!push) throw androidErrors.pushNotConfigured();
    const idToken = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!idToken) throw androidErrors.pushUnauthorized('aucun jeton Bearer');
    this.oauth ??= new OAuth2Client({
      endpoints: { oauth2FederatedSignonPemCertsUrl: push.certsUrl },
      transporterOptions: { fetchImplementation: fetch },
    });
    const ticket = await this.oauth.verifyIdToken({ idToken, audience: push.audience }).catch((error: Error) => {
      // Google's certificates out of reach is our problem, not the sender's: 503 makes Pub/Sub retry.
      if (error.message?.includes('Failed to retrieve verification certificates')) throw androidErrors.unavailable();
      throw androidErrors.pushUnauthorized(reasonOf(error));
    });
    const claims = ticket.getPayload();
    if (push.serviceAccountEmail && (claims?.email !== push.serviceAccountEmail || claims?.email_verified !== true)) {
      throw androidErrors.pushUnauthorized('compte de service inattendu');
    }
    return this.decode(body);
  }

  async onModuleDestroy(): Promise<void> {
    if (this.redis && this.ownsRedis) await this.redis.quit().catch(() => undefined);
  }

  private ownsRedis = false;

  private async decode(body: unknown): Promise<PushOutcome> {
    const message = (body as { message?: Record<string, any> } | null)?.message;
    if (!message || typeof message !== 'object') throw androidErrors.pushInvalid('pas de champ message');
    const messageId = String(message.messageId ?? message.message_id ?? '');
    const publishTime = new Date(String(message.publishTime ?? message.publish_time ?? ''));
    if (!messageId || Number.isNaN(publishTime.getTime())) {
      throw androidErrors.pushInvalid('messageId ou publishTime manquant');
    }
    const type = String(message.attributes?.notificationType ?? '');
    if (!TYPES.has(type)) return { status: 'ignored', messageId };
    if (Date.now() - publishTime.getTime() > PUSH_DEDUPE_WINDOW_SECONDS * 1000) return { status: 'stale', messageId };
    let resource: any;
    try {
      resource = JSON.parse(Buffer.from(String(message.data ?? ''), 'base64').toString('utf8'));
    } catch {
      throw androidErrors.pushInvalid("data n'est pas du JSON encodé en base64");
    }
    if (!resource || typeof resource !== 'object') throw androidErrors.pushInvalid('data vide');
    if (!(await this.firstSighting(messageId))) return { status: 'duplicate', messageId };
    const envelope = { messageId, publishTime };
    const notification: AndroidNotification =
      type === 'COMMAND'
        ? { ...envelope, type, operation: resource }
        : type === 'USAGE_LOGS'
          ? { ...envelope, type, usageLogs: resource }
          : { ...envelope, type: type as 'ENROLLMENT' | 'STATUS_REPORT', device: resource };
    return { status: 'accepted', notification };
  }

  /** SET NX in Redis: shared by every gateway instance, forgotten after the window. */
  private async firstSighting(messageId: string): Promise<boolean> {
    if (!this.redis) {
      if (!this.config) throw new Error('PubsubPushVerifier needs SocleConfig or a Redis connection');
      this.redis = createRedis(this.config.redisUrl);
      this.ownsRedis = true;
    }
    const prefix = this.config?.redisPrefix ?? 'socle';
    const fresh = await this.redis.set(
      `${prefix}:android:pubsub:${messageId}`,
      '1',
      'EX',
      PUSH_DEDUPE_WINDOW_SECONDS,
      'NX',
    );
    return fresh === 'OK';
  }
}

function reasonOf(error: Error): string {
  const text = error.message ?? '';
  if (text.includes('too late')) return 'jeton expiré';
  if (text.includes('Wrong recipient')) return 'audience inattendue';
  if (text.includes('Invalid token signature')) return 'signature invalide';
  if (text.includes('No pem found')) return 'clé de signature inconnue';
  if (text.includes('Invalid issuer')) return 'émetteur inattendu';
  return 'jeton illisible';
}
