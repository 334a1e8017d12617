import type { Channel } from '../../../contract/channel.ts';
import type { Monitor } from '../../../contract/monitor.ts';
import type { Schedule } from '../../../contract/schedule.ts';
import type {
  AutomationAudit,
  MonitorStore,
  NotificationStore,
  ProbeBucket,
  ProbeStats,
  ScheduleStore,
  WriteOutcome,
} from '../domain/automation-store.ts';
import {
  HOUR_MS,
  hoursByMonitor,
  monitorQueries,
  stateFromRow,
  transitionFromRow,
} from './sql/monitor-queries.ts';
import {
  claimedFromRow,
  deliveryFromRow,
  notificationQueries,
  notifiedFromRow,
} from './sql/notification-queries.ts';
import type { SqlDriver, SqlResult, SqlStatement } from './sql/sql-driver.ts';
import { documentFromRow, type VersionedTable, versionedRows } from './sql/versioned-rows.ts';
import { revisionBump, type WriteGuard } from './sql/write-guard.ts';

export type AutomationSqlStore = MonitorStore & ScheduleStore & NotificationStore;

/** What the automation tables take from the store they are part of: its write path. */
export interface StoreWrites {
  /** An audited batch through the store's write path (the audit log is pruned after it). */
  write(statements: SqlStatement[]): Promise<SqlResult[]>;
  /**
   * The statements every audited write starts with (the store revision, the audit entry), acting
   * only when `guard` holds. The data statement comes last in the batch.
   */
  prologue(audit: AutomationAudit, guard: WriteGuard): SqlStatement[];
}

const QUARTER_MS = 6 * HOUR_MS;

/** The start of the oldest of the 28 six-hour cells (UTC-aligned) ending with the one that holds `now`. */
const weekSince = (now: number) => Math.floor(now / QUARTER_MS) * QUARTER_MS - 27 * QUARTER_MS;

/**
 * The hourly counts of one monitor as the two bars want them: the 24 hours ending with the one that
 * holds `now`, and the 28 six-hour cells (UTC-aligned) ending with the one that holds `now`.
 */
function statsOf(
  hours: readonly ProbeBucket[],
  now: number,
): { hours: ProbeBucket[]; quarters: ProbeBucket[] } {
  const daySince = Math.floor(now / HOUR_MS) * HOUR_MS - 23 * HOUR_MS;
  const quarters = new Map<number, ProbeBucket>();
  for (const hour of hours) {
    const start = Math.floor(hour.start / QUARTER_MS) * QUARTER_MS;
    const cell = quarters.get(start) ?? { start, ok: 0, total: 0 };
    cell.ok += hour.ok;
    cell.total += hour.total;
    quarters.set(start, cell);
  }
  return {
    hours: hours.filter((hour) => hour.start >= daySince),
    quarters: [...quarters.values()].sort((a, b) => a.start - b.start),
  };
}

export class DuplicateDocumentError extends Error {
  override readonly name = 'DuplicateDocumentError';
}

/**
 * Monitors, recurring windows and notifications: the store's tables for them over SQL (node:sqlite on
 * Node, D1 on Workers). Documents are written like messages (version check in SQL, audit entry and
 * revision in the same batch); probe state and deliveries are claimed with conditional updates.
 */
export function createAutomationSqlStore(driver: SqlDriver, writes: StoreWrites): AutomationSqlStore {
  const read = (statements: SqlStatement[]) => driver.batch(statements, 'read');
  const readOne = async (statement: SqlStatement) => (await read([statement]))[0]?.rows ?? [];
  const { write, prologue } = writes;
  /** A durable write without an audit entry (probe state, deliveries). */
  const change = (statements: SqlStatement[]) => driver.batch(statements, 'write');

  function documents<T extends { id: string; version: number }>(
    table: VersionedTable,
    cleanup: (id: string) => SqlStatement[] = () => [],
  ) {
    const rows = versionedRows(table);
    /** A guarded write changed nothing: was the document changed by someone else, or deleted? */
    const outcome = async (results: SqlResult[], id: string): Promise<WriteOutcome> => {
      if (results.at(-1)?.changes === 1) return 'ok';
      return (await readOne(rows.get(id))).length > 0 ? 'conflict' : 'not-found';
    };
    return {
      list: async () => (await readOne(rows.list())).map((row) => documentFromRow<T>(row)),
      get: async (id: string) => {
        const [row] = await readOne(rows.get(id));
        return row && documentFromRow<T>(row);
      },
      create: async (doc: T, audit: AutomationAudit) => {
        const guard = rows.absent(doc.id);
        const results = await write([...prologue(audit, guard), rows.insert(doc, guard)]);
        if (results.at(-1)?.changes !== 1)
          throw new DuplicateDocumentError(`"${doc.id}" exists already in ${table}.`);
      },
      update: async (next: T, expectedVersion: number, audit: AutomationAudit) =>
        outcome(
          await write([
            ...prologue(audit, rows.atVersion(next.id, expectedVersion)),
            rows.update(next, expectedVersion),
          ]),
          next.id,
        ),
      remove: async (id: string, expectedVersion: number, audit: AutomationAudit) => {
        const guard = rows.atVersion(id, expectedVersion);
        return outcome(
          await write([
            ...prologue(audit, guard),
            ...cleanupWhen(cleanup(id), guard),
            rows.delete(id, expectedVersion),
          ]),
          id,
        );
      },
    };
  }

  /** Statements that belong to a delete run only when its guard holds (they come before the delete). */
  function cleanupWhen(statements: SqlStatement[], guard: WriteGuard): SqlStatement[] {
    return statements.map((s) => ({
      sql: `${s.sql} AND ${guard.where}`,
      params: [...(s.params ?? []), ...guard.params],
    }));
  }

  const monitors = documents<Monitor>('monitors', (id) => monitorQueries.deleteHistory(id));
  const schedules = documents<Schedule>('schedules');
  const channels = documents<Channel>('channels', (id) => [notificationQueries.deleteForChannel(id)]);

  return {
    listMonitors: monitors.list,
    getMonitor: monitors.get,
    createMonitor: monitors.create,
    updateMonitor: monitors.update,
    deleteMonitor: monitors.remove,

    async listMonitorStates() {
      return (await readOne(monitorQueries.states())).map(stateFromRow);
    },
    async saveMonitorState(state, expectedVersion, probe) {
      const save = monitorQueries.saveState(state, expectedVersion);
      // A state change shows on the public pages: other processes rebuild them at their next check.
      const statements = probe?.transition
        ? [revisionBump(monitorQueries.savable(state.monitorId, expectedVersion)), save]
        : [save];
      const saved = (await change(statements)).at(-1);
      if (saved?.changes !== 1) return false;
      if (probe) await driver.batch(monitorQueries.recordProbe(probe), 'log');
      return true;
    },
    async clearMonitorState(monitorId) {
      await change([monitorQueries.clearState(monitorId)]);
    },
    async probeStats(now): Promise<ProbeStats[]> {
      const hours = hoursByMonitor(await readOne(monitorQueries.hours(weekSince(now))));
      return [...hours].map(([monitorId, list]) => ({ monitorId, ...statsOf(list, now) }));
    },
    async listTransitions(monitorId, limit) {
      return (await readOne(monitorQueries.transitions(monitorId, limit))).map((row) =>
        transitionFromRow(monitorId, row),
      );
    },
    async pruneProbes(before) {
      await driver.batch(monitorQueries.prune(before), 'log');
    },

    listSchedules: schedules.list,
    getSchedule: schedules.get,
    createSchedule: schedules.create,
    updateSchedule: schedules.update,
    deleteSchedule: schedules.remove,

    listChannels: channels.list,
    getChannel: channels.get,
    createChannel: channels.create,
    updateChannel: channels.update,
    deleteChannel: channels.remove,

    async listNotified() {
      return (await readOne(notificationQueries.open())).map(notifiedFromRow);
    },
    async recordEvents(ledger, deliveries) {
      const statements = [
        ...ledger.map(notificationQueries.putNotified),
        ...deliveries.map(notificationQueries.insertDelivery),
      ];
      if (statements.length > 0) await change(statements);
    },
    async claimDeliveries(now, limit, leaseMs) {
      // A read first: a pass with nothing due (the usual case) commits nothing to disk.
      if ((await readOne(notificationQueries.anyDue(now))).length === 0) return [];
      return (
        (await change([notificationQueries.claim(now, limit, leaseMs)]))[0]?.rows.map(claimedFromRow) ?? []
      );
    },
    async finishAttempt(id, attempt, result, at) {
      await change([notificationQueries.finish(id, attempt, result, at)]);
    },
    async listDeliveries({ channelId, limit }) {
      return (await readOne(notificationQueries.list(channelId, limit))).map(deliveryFromRow);
    },
    async pruneNotifications(before) {
      await change(notificationQueries.prune(before));
    },
  };
}
