import type { Channel } from '../../../contract/channel.ts';
import type { Monitor } from '../../../contract/monitor.ts';
import type { Schedule } from '../../../contract/schedule.ts';
import type {
  AutomationAudit,
  MonitorStore,
  NotificationStore,
  ProbeStats,
  ScheduleStore,
  WriteOutcome,
} from '../domain/automation-store.ts';
import {
  bucketsByMonitor,
  HOUR_MS,
  monitorQueries,
  QUARTER_MS,
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
import type { WriteGuard } from './sql/write-guard.ts';

export type AutomationSqlStore = MonitorStore & ScheduleStore & NotificationStore;

/** What the automation tables take from the store they are part of: its write path. */
export interface StoreWrites {
  /** A durable batch through the store's write path (the audit log is pruned after it). */
  write(statements: SqlStatement[]): Promise<SqlResult[]>;
  /**
   * The statements every audited write starts with (the store revision, the audit entry), acting
   * only when `guard` holds. The data statement comes last in the batch.
   */
  prologue(audit: AutomationAudit, guard: WriteGuard): SqlStatement[];
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
      const [saved] = await write([monitorQueries.saveState(state, expectedVersion)]);
      if (saved?.changes !== 1) return false;
      if (probe) await driver.batch([monitorQueries.insertProbe(probe)], 'log');
      return true;
    },
    async clearMonitorState(monitorId) {
      await write([monitorQueries.clearState(monitorId)]);
    },
    async probeStats(now): Promise<ProbeStats[]> {
      const daySince = Math.floor(now / HOUR_MS) * HOUR_MS - 23 * HOUR_MS;
      const weekSince = Math.floor(now / QUARTER_MS) * QUARTER_MS - 27 * QUARTER_MS;
      const [hours, quarters] = await read([
        monitorQueries.buckets(daySince, HOUR_MS),
        monitorQueries.buckets(weekSince, QUARTER_MS),
      ]);
      const byHour = bucketsByMonitor(hours?.rows ?? []);
      const byQuarter = bucketsByMonitor(quarters?.rows ?? []);
      return [...new Set([...byHour.keys(), ...byQuarter.keys()])].map((monitorId) => ({
        monitorId,
        hours: byHour.get(monitorId) ?? [],
        quarters: byQuarter.get(monitorId) ?? [],
      }));
    },
    async listTransitions(monitorId, limit) {
      return (await readOne(monitorQueries.transitions(monitorId, limit))).map((row) =>
        transitionFromRow(monitorId, row),
      );
    },
    async pruneProbes(before) {
      await driver.batch([monitorQueries.prune(before)], 'log');
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
      if (statements.length > 0) await write(statements);
    },
    async claimDeliveries(now, limit, leaseMs) {
      // A read first: a pass with nothing due (the usual case) commits nothing to disk.
      if ((await readOne(notificationQueries.anyDue(now))).length === 0) return [];
      return (
        (await write([notificationQueries.claim(now, limit, leaseMs)]))[0]?.rows.map(claimedFromRow) ?? []
      );
    },
    async finishAttempt(id, attempt, result, at) {
      await write([notificationQueries.finish(id, attempt, result, at)]);
    },
    async listDeliveries({ channelId, limit }) {
      return (await readOne(notificationQueries.list(channelId, limit))).map(deliveryFromRow);
    },
    async pruneNotifications(before) {
      await write(notificationQueries.prune(before));
    },
  };
}
