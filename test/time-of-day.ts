/**
 * Fixed instants for the cases whose text depends on the time of day, so that no test depends on when
 * or where it runs. Moscow keeps UTC+3 all year: at 23:30 a deadline two hours ahead falls on the
 * next day (the text then names the day); at 00:10 it falls on the same day.
 */
export const TIMES_OF_DAY = [
  { label: '23:30', at: Date.parse('2026-11-23T20:30:00Z') },
  { label: '00:10', at: Date.parse('2026-11-23T21:10:00Z') },
] as const;

export const HOUR = 60 * 60 * 1000;

/**
 * A clock for a server's `now` option: it starts at `start` and runs at the real pace, so that the
 * tests' timeouts and retries still happen; `set` moves it to another instant.
 */
export function runningClock(start: number): { now: () => number; set: (instant: number) => void } {
  let origin = start;
  let since = performance.now();
  return {
    now: () => origin + Math.round(performance.now() - since),
    set: (instant) => {
      origin = instant;
      since = performance.now();
    },
  };
}
