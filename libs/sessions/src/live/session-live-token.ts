import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { JwtClaims, SocleConfig, SocleError } from '@socle/core';

const AUDIENCE = 'socle-session-live';
export const LIVE_TOKEN_TTL_SECONDS = 60;

/** The bearer token's own claims (so logout or a password change also ends the stream's token), plus the session. */
interface LiveClaims extends JwtClaims {
  sid: string;
}

/**
 * EventSource cannot send an Authorization header, so the stream URL carries a short-lived token
 * of its own: signed with a key derived from the JWT secret (a leaked stream URL is not a bearer
 * token for the rest of the API), naming one session and carrying the bearer token's claims, so it
 * dies with that token (logout, password change); valid for a minute to open the stream.
 */
@Injectable()
export class SessionLiveTokens {
  private readonly secret: string;

  constructor(
    private readonly jwt: JwtService,
    config: SocleConfig,
  ) {
    this.secret = createHmac('sha256', config.jwtSecret).update(AUDIENCE).digest('base64url');
  }

  async issue(bearer: JwtClaims, sessionId: string) {
    const { sub, role, jti, ver } = bearer;
    const token = await this.jwt.signAsync(
      { sub, role, jti, ver, sid: sessionId },
      { secret: this.secret, audience: AUDIENCE, expiresIn: LIVE_TOKEN_TTL_SECONDS },
    );
    return { token, expiresAt: new Date(Date.now() + LIVE_TOKEN_TTL_SECONDS * 1000).toISOString() };
  }

  async verify(token: string | undefined, sessionId: string): Promise<JwtClaims> {
    let claims: LiveClaims | undefined;
    try {
      claims = token
        ? await this.jwt.verifyAsync<LiveClaims>(token, { secret: this.secret, audience: AUDIENCE })
        : undefined;
    } catch {
      claims = undefined;
    }
    if (!claims || claims.sid !== sessionId)
      throw SocleError.unauthorized(
        'LIVE_TOKEN_INVALID',
        'Le suivi en direct a expiré : rechargez la page de la séance pour le reprendre.',
      );
    return { sub: claims.sub, role: claims.role, jti: claims.jti, ver: claims.ver };
  }
}
