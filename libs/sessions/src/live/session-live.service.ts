import { Injectable, MessageEvent, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { concatMap, distinctUntilChanged, filter, from, map, Observable, Subject, takeUntil, takeWhile } from 'rxjs';
import { Actor, ActorLoader, JwtClaims, SocleError } from '@socle/core';
import { SessionsService } from '../sessions.service';
import { SessionLiveFeed } from './session-live-feed';
import { loadLiveGrid } from './session-live-grid';
import { SessionLiveTokens } from './session-live-token';

/** The teacher's live grid: a token to open the stream, then the grid each time it changes. */
@Injectable()
export class SessionLiveService implements OnApplicationShutdown {
  private readonly shutdown = new Subject<void>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionsService,
    private readonly feed: SessionLiveFeed,
    private readonly tokens: SessionLiveTokens,
    private readonly actors: ActorLoader,
  ) {}

  async token(actor: Actor, bearer: JwtClaims, sessionId: string) {
    const session = await this.sessions.findVisible(actor, sessionId);
    return { ...(await this.tokens.issue(bearer, session.id)), streamUrl: `/api/v1/sessions/${session.id}/live` };
  }

  /** Checked when the stream opens: the token, then the account and its right to see the session, as for any request. */
  async open(sessionId: string, token: string | undefined): Promise<Observable<MessageEvent>> {
    const actor = await this.actors.load(await this.tokens.verify(token, sessionId));
    if (!actor) throw SocleError.unauthorized('TOKEN_INVALID', "Ce compte n'existe plus ou a été désactivé.");
    const session = await this.sessions.findVisible(actor, sessionId);
    return this.feed.changes(session.id, session.packId).pipe(
      takeUntil(this.shutdown),
      // One look at a time: a slow query delays the next tick instead of piling up.
      concatMap(() => from(loadLiveGrid(this.dataSource.manager, session.id))),
      filter((grid) => grid !== null),
      map((grid) => JSON.stringify(grid)),
      distinctUntilChanged(),
      // The last grid of an ended session is sent, then the stream closes.
      takeWhile((data) => !/"status":"(ended|cancelled)"/.test(data), true),
      map((data) => ({ type: 'grid', data })),
    );
  }

  onApplicationShutdown(): void {
    this.shutdown.next();
    this.shutdown.complete();
  }
}
