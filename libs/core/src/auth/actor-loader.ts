import { Actor } from './actor';

/** Implemented by the tenancy context: turns a verified token subject into the current Actor, or null if the account is gone. */
export abstract class ActorLoader {
  abstract load(userId: string): Promise<Actor | null>;
}
