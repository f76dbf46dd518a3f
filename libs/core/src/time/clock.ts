import { Injectable } from '@nestjs/common';

/**
 * "Now" for decisions that follow the timetable (a class session starts, ends, is checked). One
 * offset shared by the whole process, so that a test can move the api and the worker it runs
 * together to 8:59 tomorrow; nothing in production ever moves it.
 */
@Injectable()
export class Clock {
  private static offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + Clock.offsetMs);
  }

  /** Tests only: from now on, `now()` reads `instant` and keeps running from there. */
  static travelTo(instant: Date): void {
    Clock.offsetMs = instant.getTime() - Date.now();
  }

  static reset(): void {
    Clock.offsetMs = 0;
  }
}
