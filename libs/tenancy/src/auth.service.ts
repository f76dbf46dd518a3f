import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '@socle/audit';
import { Actor, JwtClaims, SocleConfig, SocleError } from '@socle/core';
import { LoginLimiter } from './accounts/login-limiter';
import { assertPasswordPolicy } from './accounts/password-policy';
import { ChangePasswordDto } from './dto/change-password.dto';
import { LoginDto } from './dto/login.dto';
import { RevokedToken } from './revoked-token.entity';
import { User } from './user.entity';

/** Verified against when the e-mail is unknown, so both failures take the same time. */
const DECOY_HASH = argon2.hash('socle-decoy-password', { type: argon2.argon2id });

export interface LoginAnswer {
  accessToken: string;
  expiresIn: number;
  role: string;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: SocleConfig,
    private readonly limiter: LoginLimiter,
    private readonly audit: AuditService,
  ) {}

  async login(dto: LoginDto, address: string): Promise<LoginAnswer> {
    const email = dto.email.toLowerCase();
    await this.limiter.check(address, email);
    const user = await this.dataSource.getRepository(User).findOneBy({ email, disabledAt: IsNull() });
    const valid = await argon2.verify(user?.passwordHash ?? (await DECOY_HASH), dto.password).catch(() => false);
    if (!user || !valid) {
      await this.limiter.failed(address, email);
      throw SocleError.unauthorized('INVALID_CREDENTIALS', 'Adresse e-mail ou mot de passe incorrect.');
    }
    await this.limiter.succeeded(address, email);
    return this.issue(user);
  }

  /** A token names its user's current token version and carries its own id, so both kinds of revocation work. */
  async issue(user: Pick<User, 'id' | 'role' | 'tokenVersion'>): Promise<LoginAnswer> {
    const claims: JwtClaims = { sub: user.id, role: user.role, jti: randomUUID(), ver: user.tokenVersion };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtTtlSeconds });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds, role: user.role };
  }

  /** This token only (the user's other sessions go on); kept until it would have expired anyway. */
  async logout(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM revoked_tokens WHERE expires_at < now()');
      if (actor.tokenId) {
        const expiresAt = new Date(Date.now() + this.config.jwtTtlSeconds * 1000);
        await manager.upsert(RevokedToken, { jti: actor.tokenId, userId: actor.userId, expiresAt }, ['jti']);
      } else {
        await manager.increment(User, { id: actor.userId }, 'tokenVersion', 1);
      }
      await this.audit.record(manager, actor, { action: 'auth.logout', entityType: 'user', entityId: actor.userId });
    });
  }

  /** Every token of the user stops working (the console signs in again with the new password). */
  async changePassword(actor: Actor, dto: ChangePasswordDto): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: actor.userId });
    if (!(await argon2.verify(user.passwordHash, dto.currentPassword).catch(() => false)))
      throw SocleError.badRequest('CURRENT_PASSWORD_WRONG', 'Le mot de passe actuel est incorrect.', {
        fields: [{ field: 'currentPassword', problems: ['wrong'] }],
      });
    assertPasswordPolicy(dto.newPassword, user.email, 'newPassword');
    const passwordHash = await argon2.hash(dto.newPassword, { type: argon2.argon2id });
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE users SET password_hash = $2, token_version = token_version + 1 WHERE id = $1', [
        user.id,
        passwordHash,
      ]);
      await this.audit.record(manager, actor, {
        action: 'user.password_change',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }
}
