import type { LoginErrorReport } from '../../../contract/captured-request.ts';
import { Ring } from './ring.ts';

export const HOUR_MS = 60 * 60 * 1000;
/** The last reports kept in full. */
export const REPORT_HISTORY = 1000;
/** Counters kept per hour for a week; older hours are dropped. */
export const COUNTED_HOURS = 7 * 24;
/** Base keys come from URLs anyone can type: past this many per hour they are counted together. */
export const MAX_BASES_PER_HOUR = 200;
export const OTHER_BASES = '(other)';

/** The start of the UTC hour `t` falls in. */
export function hourStart(t: number): number {
  return Math.floor(t / HOUR_MS) * HOUR_MS;
}

/** Reports received since the last drain: the newest in full, all of them counted per hour and base. */
export interface DrainedReports {
  /** Oldest first, at most `REPORT_HISTORY`. */
  reports: LoginErrorReport[];
  counts: { hour: string; baseKey: string; count: number }[];
}

/**
 * Reports waiting to be written to the store. Memory stays bounded whatever the traffic between two
 * writes: a ring of the newest 1,000, and at most 201 counters per hour.
 */
export class ReportLog {
  #recent = new Ring<LoginErrorReport>(REPORT_HISTORY);
  /** hour start (ms) → base key → count. */
  #hours = new Map<number, Map<string, number>>();

  add(report: LoginErrorReport): void {
    this.#recent.push(report);
    const hour = hourStart(Date.parse(report.at));
    let counts = this.#hours.get(hour);
    if (!counts) {
      counts = new Map();
      this.#hours.set(hour, counts);
    }
    const key = counts.has(report.baseKey) || counts.size < MAX_BASES_PER_HOUR ? report.baseKey : OTHER_BASES;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  get size(): number {
    return this.#recent.size;
  }

  /** Everything added since the last drain; the log is empty afterwards. */
  drain(): DrainedReports {
    const reports = this.#recent.newest().reverse();
    const counts: DrainedReports['counts'] = [];
    for (const [hour, perBase] of this.#hours) {
      for (const [baseKey, count] of perBase)
        counts.push({ hour: new Date(hour).toISOString(), baseKey, count });
    }
    this.#recent = new Ring(REPORT_HISTORY);
    this.#hours = new Map();
    return { reports, counts };
  }
}
