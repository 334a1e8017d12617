import type {
  CapturedRequest,
  LoginErrorReport,
  ReportsResponse,
} from '../../../../contract/captured-request.ts';
import {
  COUNTED_HOURS,
  HOUR_MS,
  hourStart,
  MAX_BASES_PER_HOUR,
  OTHER_BASES,
  REPORT_HISTORY,
} from '../../domain/report-log.ts';
import { CAPTURED_REQUESTS } from '../../domain/request-capture.ts';
import type { ActivityBatch } from '../store.ts';
import { type SqlResult, type SqlStatement, sql } from './sql-driver.ts';

/** The first hour still counted at `now`; older hours are dropped. */
function oldestCountedHour(now: number): string {
  return new Date(hourStart(now) - (COUNTED_HOURS - 1) * HOUR_MS).toISOString();
}

/**
 * One batch for everything captured since the last one: the rings are trimmed to their size in the
 * same transaction, so they never hold more than 200 requests and 1,000 reports.
 */
export function recordActivityStatements(batch: ActivityBatch, now: number): SqlStatement[] {
  const statements: SqlStatement[] = [];
  // One statement per ring however many rows: D1 charges per statement, not per row.
  if (batch.requests.length > 0) {
    statements.push(
      sql(
        'INSERT INTO captured_requests (body) SELECT value FROM json_each(?) ORDER BY key',
        JSON.stringify(batch.requests),
      ),
    );
    statements.push(
      sql(
        'DELETE FROM captured_requests WHERE seq <= (SELECT max(seq) FROM captured_requests) - ?',
        CAPTURED_REQUESTS,
      ),
    );
  }
  if (batch.reports.length > 0) {
    statements.push(
      sql(
        'INSERT INTO login_reports (body) SELECT value FROM json_each(?) ORDER BY key',
        JSON.stringify(batch.reports),
      ),
    );
    statements.push(
      sql('DELETE FROM login_reports WHERE seq <= (SELECT max(seq) FROM login_reports) - ?', REPORT_HISTORY),
    );
  }
  let total = 0;
  for (const { hour, baseKey, count } of batch.counts) {
    total += count;
    // Base keys come from URLs anyone can type: past 200 in an hour, they are counted together.
    statements.push(
      sql(
        `INSERT INTO report_counts (hour, base_key, n)
         SELECT ?1, CASE
           WHEN EXISTS (SELECT 1 FROM report_counts WHERE hour = ?1 AND base_key = ?2)
             OR (SELECT count(*) FROM report_counts WHERE hour = ?1) < ?4 THEN ?2
           ELSE ?5 END, ?3
         WHERE true
         ON CONFLICT (hour, base_key) DO UPDATE SET n = n + excluded.n`,
        hour,
        baseKey,
        count,
        MAX_BASES_PER_HOUR,
        OTHER_BASES,
      ),
    );
  }
  if (total > 0) {
    statements.push(sql('UPDATE store_state SET reports_total = reports_total + ? WHERE id = 1', total));
    statements.push(sql('DELETE FROM report_counts WHERE hour < ?', oldestCountedHour(now)));
  }
  return statements;
}

export const activityQueries = {
  requests: (limit: number) => sql('SELECT body FROM captured_requests ORDER BY seq DESC LIMIT ?', limit),
  summary: (limit: number, now: number): SqlStatement[] => [
    sql('SELECT reports_total FROM store_state WHERE id = 1'),
    sql(
      'SELECT hour, base_key, n FROM report_counts WHERE hour >= ? ORDER BY hour DESC, n DESC, base_key',
      oldestCountedHour(now),
    ),
    sql('SELECT body FROM login_reports ORDER BY seq DESC LIMIT ?', limit),
  ],
};

export function capturedFromRows(result: SqlResult | undefined): CapturedRequest[] {
  return (result?.rows ?? []).map((row) => JSON.parse(String(row.body)) as CapturedRequest);
}

export function summaryFromResults([total, hours, recent]: SqlResult[]): ReportsResponse {
  const perHour: ReportsResponse['perHour'] = [];
  const perBase: Record<string, number> = {};
  for (const row of hours?.rows ?? []) {
    const baseKey = String(row.base_key);
    const count = Number(row.n);
    perHour.push({ hour: String(row.hour), baseKey, count });
    perBase[baseKey] = (perBase[baseKey] ?? 0) + count;
  }
  return {
    total: Number(total?.rows[0]?.reports_total ?? 0),
    perHour,
    perBase,
    recent: (recent?.rows ?? []).map((row) => JSON.parse(String(row.body)) as LoginErrorReport),
  };
}
