import { describe, expect, it } from 'vitest';
import type { LoginErrorReport } from '../../../contract/captured-request.ts';
import { COUNTED_HOURS, MAX_BASES_PER_HOUR, OTHER_BASES, REPORT_HISTORY, ReportLog } from './report-log.ts';

const HOUR = 3_600_000;
const start = Date.parse('2026-11-23T00:00:00Z');

function report(at: number, baseKey: string): LoginErrorReport {
  return {
    at: new Date(at).toISOString(),
    method: 'POST',
    path: `/startup-error/${baseKey}`,
    query: '',
    headers: [],
    bodyBytes: 0,
    baseKey,
  };
}

describe('ReportLog', () => {
  it('counts per base and per hour, newest hour first', () => {
    const log = new ReportLog();
    log.add(report(start + 10, 'buh'));
    log.add(report(start + 20, 'buh'));
    log.add(report(start + HOUR + 5, 'zup'));
    const summary = log.summary();
    expect(summary.total).toBe(3);
    expect(summary.perBase).toEqual({ buh: 2, zup: 1 });
    expect(summary.perHour).toEqual([
      { hour: '2026-11-23T01:00:00.000Z', baseKey: 'zup', count: 1 },
      { hour: '2026-11-23T00:00:00.000Z', baseKey: 'buh', count: 2 },
    ]);
  });

  it('stays bounded: the last 1,000 reports, a week of hours, and many random base keys counted together', () => {
    const log = new ReportLog();
    for (let i = 0; i < REPORT_HISTORY + 500; i++) log.add(report(start + i, `k${i}`));
    let summary = log.summary();
    expect(summary.recent).toHaveLength(REPORT_HISTORY);
    expect(summary.recent[0]?.baseKey).toBe(`k${REPORT_HISTORY + 499}`);
    expect(summary.perHour).toHaveLength(MAX_BASES_PER_HOUR + 1);
    expect(summary.perBase[OTHER_BASES]).toBe(REPORT_HISTORY + 500 - MAX_BASES_PER_HOUR);

    for (let h = 1; h <= COUNTED_HOURS + 10; h++) log.add(report(start + h * HOUR, 'buh'));
    summary = log.summary();
    expect(new Set(summary.perHour.map((row) => row.hour)).size).toBe(COUNTED_HOURS);
    expect(summary.total).toBe(REPORT_HISTORY + 500 + COUNTED_HOURS + 10);
  });
});
