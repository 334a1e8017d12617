import { describe, expect, it } from 'vitest';
import type { LoginErrorReport } from '../../../contract/captured-request.ts';
import { MAX_BASES_PER_HOUR, OTHER_BASES, REPORT_HISTORY, ReportLog } from './report-log.ts';

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
  it('counts per hour and base, keeps the reports in arrival order, and is empty after a drain', () => {
    const log = new ReportLog();
    log.add(report(start + 10, 'buh'));
    log.add(report(start + 20, 'buh'));
    log.add(report(start + HOUR + 5, 'zup'));
    const drained = log.drain();
    expect(drained.reports.map((r) => r.at)).toEqual([
      '2026-11-23T00:00:00.010Z',
      '2026-11-23T00:00:00.020Z',
      '2026-11-23T01:00:00.005Z',
    ]);
    expect(drained.counts).toEqual([
      { hour: '2026-11-23T00:00:00.000Z', baseKey: 'buh', count: 2 },
      { hour: '2026-11-23T01:00:00.000Z', baseKey: 'zup', count: 1 },
    ]);
    expect(log.drain()).toEqual({ reports: [], counts: [] });
  });

  it('stays bounded between drains: the last 1,000 reports, many random base keys counted together', () => {
    const log = new ReportLog();
    for (let i = 0; i < REPORT_HISTORY + 500; i++) log.add(report(start + i, `k${i}`));
    const { reports, counts } = log.drain();
    expect(reports).toHaveLength(REPORT_HISTORY);
    expect(reports.at(-1)?.baseKey).toBe(`k${REPORT_HISTORY + 499}`);
    expect(counts).toHaveLength(MAX_BASES_PER_HOUR + 1);
    expect(counts.find((row) => row.baseKey === OTHER_BASES)?.count).toBe(
      REPORT_HISTORY + 500 - MAX_BASES_PER_HOUR,
    );
  });
});
