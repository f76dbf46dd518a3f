import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import * as argon2 from 'argon2';
import { DataSource, IsNull } from 'typeorm';
import { JwtClaims, SocleConfig, SocleError } from '@socle/core';
import { LoginDto } from './dto/login.dto';
import { User } from './user.entity';
import { TenancyErrorCode } from './tenancy-error-codes';

/** Verified against when the e-mail is unknown, so both failures take the same time. */
const DECOY_HASH = argon2.hash('socle-decoy-password', { type: argon2.argon2id });

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly config: SocleConfig,
  ) {}

  async login(dto: LoginDto): Promise<{ accessToken: string; expiresIn: number; role: string }> {
    const user = await this.dataSource
      .getRepository(User)
      .findOneBy({ email: dto.email.toLowerCase(), disabledAt: IsNull() });
    const valid = await argon2.verify(user?.passwordHash ?? (await DECOY_HASH), dto.password).catch(() => false);
    if (!user || !valid) {
      throw SocleError.unauthorized(TenancyErrorCode.InvalidCredentials, 'Adresse e-mail ou mot de passe incorrect.');
    }
    const claims: JwtClaims = { sub: user.id, role: user.role };
    const accessToken = await this.jwt.signAsync(claims, { expiresIn: this.config.jwtTtlSeconds });
    return { accessToken, expiresIn: this.config.jwtTtlSeconds, role: user.role };
  }
}
