import type { LoginErrorReport, ReportsResponse } from '../../../contract/captured-request.ts';
import { Ring } from './ring.ts';

const HOUR_MS = 60 * 60 * 1000;
export const REPORT_HISTORY = 1000;
/** Counters kept per hour for a week; older hours are dropped. */
export const COUNTED_HOURS = 7 * 24;
/** Base keys come from URLs anyone can type: past this many per hour they are counted together. */
export const MAX_BASES_PER_HOUR = 200;
export const OTHER_BASES = '(other)';

/**
 * Counts of POSTed login-error reports per base and per hour, plus the last 1,000 reports.
 * Memory stays bounded whatever the traffic: a ring, and at most 168 × 201 counters.
 */
export class ReportLog {
  readonly #recent = new Ring<LoginErrorReport>(REPORT_HISTORY);
  /** hour start (ms) → base key → count; Map keeps insertion (= time) order. */
  readonly #hours = new Map<number, Map<string, number>>();
  #total = 0;

  add(report: LoginErrorReport): void {
    this.#total++;
    this.#recent.push(report);
    const hour = Math.floor(Date.parse(report.at) / HOUR_MS) * HOUR_MS;
    let counts = this.#hours.get(hour);
    if (!counts) {
      counts = new Map();
      this.#hours.set(hour, counts);
      const oldest = hour - COUNTED_HOURS * HOUR_MS;
      for (const key of this.#hours.keys()) if (key <= oldest) this.#hours.delete(key);
    }
    const key = counts.has(report.baseKey) || counts.size < MAX_BASES_PER_HOUR ? report.baseKey : OTHER_BASES;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  summary(recentLimit = REPORT_HISTORY): ReportsResponse {
    const perHour: ReportsResponse['perHour'] = [];
    const perBase: Record<string, number> = {};
    for (const [hour, counts] of [...this.#hours].sort((a, b) => b[0] - a[0])) {
      for (const [baseKey, count] of counts) {
        perHour.push({ hour: new Date(hour).toISOString(), baseKey, count });
        perBase[baseKey] = (perBase[baseKey] ?? 0) + count;
      }
    }
    return { total: this.#total, perHour, perBase, recent: this.#recent.newest(recentLimit) };
  }
}
