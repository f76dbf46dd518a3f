import { Actor } from './actor';
import { JwtClaims } from './jwt-claims';

/** Implemented by the tenancy context: turns verified claims into the current Actor, or null if the account is gone or the token revoked. */
export abstract class ActorLoader {
  abstract load(claims: JwtClaims): Promise<Actor | null>;
}
