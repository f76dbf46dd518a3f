import { Injectable } from '@nestjs/common';
import { interval, Observable, startWith } from 'rxjs';

/** How often the polling feed looks at PostgreSQL for one open stream. */
export const LIVE_POLL_MS = 1_000;

/**
 * When to look again at a session's grid. The api streams the grid to the teacher's console
 * whenever this emits, and sends it only when it changed. Today it is a cheap poll of PostgreSQL
 * per open stream; the device-event pipeline (checked in, command acknowledged) is to provide an
 * implementation that emits on the pack's events instead, bound in place of this one.
 */
export abstract class SessionLiveFeed {
  abstract changes(sessionId: string, packId: string): Observable<unknown>;
}

@Injectable()
export class PollingSessionLiveFeed extends SessionLiveFeed {
  changes(): Observable<unknown> {
    return interval(LIVE_POLL_MS).pipe(startWith(-1));
  }
}
