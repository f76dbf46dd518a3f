import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs`: renders stay pure, and "past" slots turn past on their own. */
export function useNow(everyMs = 60_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** Eight hours back, to the minute: a lesson that began this morning is still "coming or running". */
export const sinceMorning = (now: number) =>
  new Date(Math.floor((now - 8 * 3_600_000) / 60_000) * 60_000).toISOString();
