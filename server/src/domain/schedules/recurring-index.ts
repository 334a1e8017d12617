import type { Schedule } from '../../../../contract/schedule.ts';
import { LiveIndex } from '../live-index.ts';
import { recurringMessages } from './occurrences.ts';

/** How far ahead of the upcoming week occurrences are expanded: they are expanded again this often. */
export const RECURRING_REFRESH_MS = 60 * 60 * 1000;

/**
 * The occurrences of the recurring windows as messages, indexed like stored ones, over
 * [from, to): the view at `t` needs those shown at `t` and those starting within `horizonMs`. Built
 * from the cron patterns once per `RECURRING_REFRESH_MS` (or when a window changes), not per view.
 */
export class RecurringIndex {
  static readonly empty = new RecurringIndex(
    [],
    Number.NEGATIVE_INFINITY,
    Number.POSITIVE_INFINITY,
    LiveIndex.of([]),
  );

  private constructor(
    readonly schedules: readonly Schedule[],
    readonly from: number,
    readonly to: number,
    readonly index: LiveIndex,
  ) {}

  static of(schedules: readonly Schedule[], t: number, horizonMs: number): RecurringIndex {
    if (!schedules.some((s) => s.enabled))
      return new RecurringIndex(schedules, t, Number.POSITIVE_INFINITY, LiveIndex.of([]));
    const to = t + horizonMs + RECURRING_REFRESH_MS;
    return new RecurringIndex(schedules, t, to, LiveIndex.of(recurringMessages(schedules, t, to)));
  }

  /** The same windows at `t`: ended occurrences dropped, expanded again once the horizon nears `to`. */
  at(t: number, horizonMs: number): RecurringIndex {
    if (t < this.from || t + horizonMs > this.to) return RecurringIndex.of(this.schedules, t, horizonMs);
    const index = this.index.endedBy(t);
    return index === this.index ? this : new RecurringIndex(this.schedules, this.from, this.to, index);
  }

  /** When the expansion must be made again (the upcoming week reaches past what was expanded). */
  renewAt(horizonMs: number): number {
    return this.to - horizonMs;
  }
}
