import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, SocleConfig, SocleError } from '@socle/core';
import { PasswordReset } from '../password-reset.entity';
import { assertPasswordPolicy } from './password-policy';
import { UserAdminService } from './user-admin.service';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * An admin makes a one-use, expiring link and hands it over (no mail server needed; Socle sends
 * no e-mail). Only the token's SHA-256 is stored; redeeming it sets the password, revokes every
 * token of the user and kills the user's other pending links.
 */
@Injectable()
export class PasswordResetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserAdminService,
    private readonly audit: AuditService,
    private readonly config: SocleConfig,
  ) {}

  async create(actor: Actor, userId: string): Promise<{ resetUrl: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.config.passwordResetTtlMinutes * 60_000);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findManaged(actor, userId, manager);
      const reset = await manager.save(
        manager.create(PasswordReset, {
          userId: user.id,
          tokenHash: hashToken(token),
          expiresAt,
          createdBy: actor.userId,
        }),
      );
      await this.audit.record(manager, actor, {
        action: 'user.password_reset_link',
        entityType: 'user',
        entityId: user.id,
        collectiviteId: user.collectiviteId,
        summary: { resetId: reset.id, expiresAt },
      });
    });
    const resetUrl = `${this.config.publicUrl.replace(/\/$/, '')}/#/mot-de-passe?token=${token}`;
    return { resetUrl, expiresAt };
  }

  /** The UPDATE … RETURNING consumes the link atomically: two redemptions at once, one wins. */
  async redeem(token: string, newPassword: string): Promise<void> {
    const [reset] = await this.dataSource.query(
      `SELECT r.id, u.email FROM password_resets r JOIN users u ON u.id = r.user_id
        WHERE r.token_hash = $1 AND r.used_at IS NULL AND r.expires_at > now() AND u.disabled_at IS NULL`,
      [hashToken(token)],
    );
    if (!reset) throw this.invalid();
    assertPasswordPolicy(newPassword, reset.email, 'newPassword');
    const passwordHash = await argon2.hash(newPassword, { type: argon2.argon2id });
    await this.dataSource.transaction(async (manager) => {
      // An UPDATE … RETURNING answers [rows, affected count] through TypeORM.
      const [[used]] = await manager.query(
        `UPDATE password_resets SET used_at = now() WHERE id = $1 AND used_at IS NULL AND expires_at > now() RETURNING user_id`,
        [reset.id],
      );
      if (!used) throw this.invalid();
      await manager.query(
        'UPDATE users SET password_hash = $2, token_version = token_version + 1 WHERE id = $1 AND disabled_at IS NULL',
        [used.user_id, passwordHash],
      );
      await manager.query('DELETE FROM password_resets WHERE user_id = $1 AND used_at IS NULL', [used.user_id]);
      const [user] = await manager.query('SELECT collectivite_id FROM users WHERE id = $1', [used.user_id]);
      await this.audit.record(
        manager,
        { system: 'password-reset' },
        {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: used.user_id,
          collectiviteId: user.collectivite_id,
        },
      );
    });
  }

  private invalid(): SocleError {
    return SocleError.badRequest(
      'RESET_LINK_INVALID',
      "Ce lien de réinitialisation n'est plus valable (déjà utilisé, expiré ou inconnu) : demandez-en un nouveau à votre administrateur.",
    );
  }
}
