import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, SocleConfig } from '@socle/core';

/** The dashboard cookie lives no longer than the token it carries, and an hour at most. */
const MAX_AGE_SECONDS = 3600;

@Injectable()
export class QueueDashboardSessions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly jwt: JwtService,
    private readonly config: SocleConfig,
  ) {}

  /** Behind a TLS reverse proxy in production: the cookie only travels over HTTPS there. */
  get secureCookie(): boolean {
    return this.config.nodeEnv === 'production';
  }

  async open(actor: Actor, token: string): Promise<{ expiresAt: Date; maxAgeSeconds: number }> {
    const { exp } = this.jwt.decode<{ exp: number }>(token);
    const maxAgeSeconds = Math.max(0, Math.min(MAX_AGE_SECONDS, exp - Math.floor(Date.now() / 1000)));
    const expiresAt = new Date(Date.now() + maxAgeSeconds * 1000);
    await this.audit.record(this.dataSource.manager, actor, {
      action: 'queue_dashboard.opened',
      entityType: 'queue_dashboard',
      summary: { expiresAt: expiresAt.toISOString() },
    });
    return { expiresAt, maxAgeSeconds };
  }
}
