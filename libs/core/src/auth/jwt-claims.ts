export interface JwtClaims {
  sub: string;
  role: string;
  /** Token id: logout revokes this one token. */
  jti?: string;
  /** The user's token version when signed: a password change, a reset, a disable or a delete bumps it. */
  ver?: number;
}
