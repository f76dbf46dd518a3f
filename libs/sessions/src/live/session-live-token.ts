import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { SocleConfig, SocleError } from '@socle/core';

const AUDIENCE = 'socle-session-live';
export const LIVE_TOKEN_TTL_SECONDS = 60;

interface LiveClaims {
  sub: string;
  sid: string;
}

/**
 * EventSource cannot send an Authorization header, so the stream URL carries a short-lived token
 * of its own: signed with a key derived from the JWT secret (a leaked stream URL is not a bearer
 * token for the rest of the API), naming one user and one session, valid for a minute to open it.
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

  async issue(userId: string, sessionId: string) {
    const token = await this.jwt.signAsync(
      { sub: userId, sid: sessionId },
      { secret: this.secret, audience: AUDIENCE, expiresIn: LIVE_TOKEN_TTL_SECONDS },
    );
    return { token, expiresAt: new Date(Date.now() + LIVE_TOKEN_TTL_SECONDS * 1000).toISOString() };
  }

  async verify(token: string | undefined, sessionId: string): Promise<string> {
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
    return claims.sub;
  }
}
