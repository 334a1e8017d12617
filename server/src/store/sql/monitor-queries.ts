import type { MonitorHealth } from '../../../../contract/monitor.ts';
import type { MonitorTransitionRow, ProbeBucket, RecordedProbe } from '../../domain/automation-store.ts';
import type { MonitorState } from '../../domain/monitors/monitor-state.ts';
import { type SqlRow, type SqlStatement, sql } from './sql-driver.ts';
import type { WriteGuard } from './write-guard.ts';

export const HOUR_MS = 3_600_000;

export function stateFromRow(row: SqlRow): MonitorState {
  return {
    ...(JSON.parse(String(row.body)) as MonitorState),
    version: Number(row.version),
    dueAt: Number(row.due_at_ms),
  };
}

export const monitorQueries = {
  states: () => sql('SELECT version, due_at_ms, body FROM monitor_states'),

  /**
   * Stores the state when the stored one has `expectedVersion` (0 = none yet) and the monitor still
   * exists: one statement, so two runners cannot both succeed.
   */
  saveState: (state: MonitorState, expectedVersion: number): SqlStatement =>
    sql(
      `INSERT INTO monitor_states (monitor_id, version, due_at_ms, body)
       SELECT ?1, ?2, ?3, ?4 WHERE EXISTS (SELECT 1 FROM monitors WHERE id = ?1)
         AND (?5 = 0 OR EXISTS (SELECT 1 FROM monitor_states WHERE monitor_id = ?1 AND version = ?5))
       ON CONFLICT (monitor_id) DO UPDATE SET version = excluded.version, due_at_ms = excluded.due_at_ms, body = excluded.body
       WHERE monitor_states.version = ?5`,
      state.monitorId,
      state.version,
      state.dueAt,
      JSON.stringify(state),
      expectedVersion,
    ),

  clearState: (monitorId: string) => sql('DELETE FROM monitor_states WHERE monitor_id = ?', monitorId),

  /** The probe in the history, and counted in its hour (what the bars and uptime read). */
  recordProbe: (probe: RecordedProbe): SqlStatement[] => [
    sql(
      'INSERT INTO monitor_probes (monitor_id, at_ms, ok, ms, problem, transition) VALUES (?, ?, ?, ?, ?, ?)',
      probe.monitorId,
      probe.at,
      probe.ok ? 1 : 0,
      Math.round(probe.ms),
      probe.problem ?? null,
      probe.transition ?? null,
    ),
    sql(
      `INSERT INTO monitor_hours (monitor_id, hour_ms, ok, total) VALUES (?, ?, ?, 1)
       ON CONFLICT (monitor_id, hour_ms) DO UPDATE SET ok = ok + excluded.ok, total = total + 1`,
      probe.monitorId,
      Math.floor(probe.at / HOUR_MS) * HOUR_MS,
      probe.ok ? 1 : 0,
    ),
  ],

  /** Exactly when `saveState(…, expectedVersion)` will store: the guard of what goes with it. */
  savable: (monitorId: string, expectedVersion: number): WriteGuard => ({
    where: `EXISTS (SELECT 1 FROM monitors WHERE id = ?)
      AND ((? = 0 AND NOT EXISTS (SELECT 1 FROM monitor_states WHERE monitor_id = ?))
        OR EXISTS (SELECT 1 FROM monitor_states WHERE monitor_id = ? AND version = ?))`,
    params: [monitorId, expectedVersion, monitorId, monitorId, expectedVersion],
  }),

  deleteHistory: (monitorId: string): SqlStatement[] => [
    sql('DELETE FROM monitor_probes WHERE monitor_id = ?', monitorId),
    sql('DELETE FROM monitor_hours WHERE monitor_id = ?', monitorId),
    sql('DELETE FROM monitor_states WHERE monitor_id = ?', monitorId),
  ],

  /** Successful and total probes per monitor and hour, from `since` on. */
  hours: (since: number) =>
    sql(
      'SELECT monitor_id, hour_ms, ok, total FROM monitor_hours WHERE hour_ms >= ? ORDER BY hour_ms',
      since,
    ),

  transitions: (monitorId: string, limit: number) =>
    sql(
      `SELECT at_ms, transition, problem FROM monitor_probes
       WHERE monitor_id = ? AND transition IS NOT NULL ORDER BY at_ms DESC LIMIT ?`,
      monitorId,
      limit,
    ),

  prune: (before: number): SqlStatement[] => [
    sql('DELETE FROM monitor_probes WHERE at_ms < ?', before),
    sql('DELETE FROM monitor_hours WHERE hour_ms < ?', before),
  ],
};

export function hoursByMonitor(rows: SqlRow[]): Map<string, ProbeBucket[]> {
  const found = new Map<string, ProbeBucket[]>();
  for (const row of rows) {
    const id = String(row.monitor_id);
    const list = found.get(id) ?? [];
    list.push({ start: Number(row.hour_ms), ok: Number(row.ok), total: Number(row.total) });
    found.set(id, list);
  }
  return found;
}

export function transitionFromRow(monitorId: string, row: SqlRow): MonitorTransitionRow {
  return {
    monitorId,
    at: Number(row.at_ms),
    state: String(row.transition) as MonitorHealth,
    ...(row.problem !== null && { problem: String(row.problem) }),
  };
}
