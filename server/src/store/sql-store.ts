import type { Schedule } from '../../../contract/schedule.ts';
import type { Logger } from '../domain/logger.ts';
import { silentLogger } from '../domain/logger.ts';
import { createAutomationSqlStore } from './automation-sql-store.ts';
import {
  activityQueries,
  capturedFromRows,
  recordActivityStatements,
  summaryFromResults,
} from './sql/activity-queries.ts';
import { auditFromRow, auditPage, auditQueries } from './sql/audit-queries.ts';
import { endedPage, messageFromRow, messageQueries } from './sql/message-queries.ts';
import { settingsFromRow, settingsQueries } from './sql/settings-queries.ts';
import { type SqlDriver, type SqlResult, type SqlStatement, sql } from './sql/sql-driver.ts';
import { documentFromRow, versionedRows } from './sql/versioned-rows.ts';
import { ALWAYS, prologueOutcome, writePrologue } from './sql/write-guard.ts';
import { DuplicateIdError, type Store, type WriteResult } from './store.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const AUDIT_MAX_AGE_MS = 365 * DAY_MS;
export const AUDIT_MAX_BYTES = 50 * 1024 * 1024;
/** Revisions of the change log kept; a process further behind reloads everything instead. */
export const CHANGES_KEPT = 10_000;
/** Age pruning runs at most this often per process (it is cheap, but there is no need to repeat it). */
const MAINTENANCE_INTERVAL_MS = 60 * 60 * 1000;

export interface SqlStoreOptions {
  /** Audit entries older than this are deleted. Default 365 days. */
  auditMaxAgeMs?: number;
  /** The audit log is kept under this many bytes; the oldest entries go first. Default 50 MB. */
  auditMaxBytes?: number;
  changesKept?: number;
  now?: () => number;
  logger?: Logger;
}

/**
 * The one Store implementation: SQL over a driver (node:sqlite on Node, D1 on Workers). Every write
 * is one batch — its condition, the audit entry, the revision bump and the change — so it costs the
 * same however many messages and audit entries the store holds.
 */
export function createSqlStore(driver: SqlDriver, options: SqlStoreOptions = {}): Store {
  const auditMaxAgeMs = options.auditMaxAgeMs ?? AUDIT_MAX_AGE_MS;
  const auditMaxBytes = options.auditMaxBytes ?? AUDIT_MAX_BYTES;
  const changesKept = options.changesKept ?? CHANGES_KEPT;
  const now = options.now ?? Date.now;
  const logger = options.logger ?? silentLogger;
  let maintainedAt = Number.NEGATIVE_INFINITY;

  const read = (statements: SqlStatement[]) => driver.batch(statements, 'read');
  const readOne = async (statement: SqlStatement) => (await read([statement]))[0]?.rows ?? [];

  /** Pruning after a write; the write itself is committed, so a failure here is only logged. */
  async function maintain(auditBytes: number): Promise<void> {
    const t = now();
    const statements: SqlStatement[] = [];
    if (t - maintainedAt >= MAINTENANCE_INTERVAL_MS) {
      maintainedAt = t;
      statements.push(
        ...auditQueries.pruneOlderThan(t - auditMaxAgeMs),
        sql(
          'DELETE FROM message_changes WHERE revision <= (SELECT revision FROM store_state WHERE id = 1) - ?',
          changesKept,
        ),
        sql(
          `UPDATE store_state SET changes_pruned_through = max(changes_pruned_through, revision - ?)
           WHERE id = 1`,
          changesKept,
        ),
      );
    }
    // Down to 90%, so a full log is not pruned again on every write.
    if (auditBytes > auditMaxBytes)
      statements.push(...auditQueries.pruneToSize(Math.floor(auditMaxBytes * 0.9)));
    if (statements.length === 0) return;
    try {
      await driver.batch(statements, 'write');
    } catch (error) {
      logger.warn('could not prune the audit log; it will be tried again', {
        problem: (error as Error).message,
      });
    }
  }

  async function write(statements: SqlStatement[]): Promise<SqlResult[]> {
    const results = await driver.batch(statements, 'write');
    const outcome = prologueOutcome(results);
    if (outcome) await maintain(outcome.auditBytes);
    return results;
  }

  async function messageOutcome(results: SqlResult[], id: string): Promise<WriteResult> {
    if (results.at(-1)?.changes === 1) return 'ok';
    return (await readOne(messageQueries.get(id))).length > 0 ? 'conflict' : 'not-found';
  }

  const schedules = versionedRows('schedules');

  return {
    ...createAutomationSqlStore(driver, { write, prologue: (audit, guard) => writePrologue(audit, guard) }),

    async loadSnapshot(t) {
      const [state, settings, messages, windows] = await read([
        sql('SELECT revision FROM store_state WHERE id = 1'),
        settingsQueries.get(),
        messageQueries.notEndedAt(t),
        schedules.list(),
      ]);
      const current = settingsFromRow(settings?.rows[0]);
      return {
        revision: Number(state?.rows[0]?.revision ?? 0),
        settings: current.settings,
        settingsVersion: current.version,
        messages: (messages?.rows ?? []).map(messageFromRow),
        schedules: (windows?.rows ?? []).map((row) => documentFromRow<Schedule>(row)),
        loadedAt: t,
      };
    },

    async changesSince(revision) {
      // One read whether or not anything changed: after its own write a process always asks, and
      // when nothing changed the change list is an empty range of its primary key.
      const [state, settings, changed, touched, windows] = await read([
        sql('SELECT revision, changes_pruned_through FROM store_state WHERE id = 1'),
        settingsQueries.get(),
        messageQueries.changedSince(revision),
        messageQueries.touchedSince(revision),
        schedules.list(),
      ]);
      const row = state?.rows[0];
      if (Number(row?.revision) === revision) return undefined;
      if (!row || revision < Number(row.changes_pruned_through)) return 'reload';
      const messages = (changed?.rows ?? []).map(messageFromRow);
      const kept = new Set(messages.map((m) => m.id));
      const current = settingsFromRow(settings?.rows[0]);
      return {
        revision: Number(row.revision),
        settings: current.settings,
        settingsVersion: current.version,
        changed: messages,
        removed: (touched?.rows ?? []).map((r) => String(r.message_id)).filter((id) => !kept.has(id)),
        schedules: (windows?.rows ?? []).map((row) => documentFromRow<Schedule>(row)),
      };
    },

    async getSettings() {
      return settingsFromRow((await readOne(settingsQueries.get()))[0]);
    },

    async getMessage(id) {
      const [row] = await readOne(messageQueries.get(id));
      return row && messageFromRow(row);
    },

    async listMessages() {
      return (await readOne(messageQueries.list())).map(messageFromRow);
    },

    async listEndedMessages(query) {
      return endedPage(await readOne(messageQueries.ended(query)), query.limit);
    },

    async createMessage(message, audit) {
      const guard = messageQueries.absent(message.id);
      const results = await write([
        ...writePrologue(audit, guard, message.id),
        messageQueries.insert(message, guard),
      ]);
      if (results.at(-1)?.changes !== 1) throw new DuplicateIdError(message.id);
    },

    async updateMessage(next, expectedVersion, audit) {
      const results = await write([
        ...writePrologue(audit, messageQueries.atVersion(next.id, expectedVersion), next.id),
        messageQueries.update(next, expectedVersion),
      ]);
      return messageOutcome(results, next.id);
    },

    async deleteMessage(id, expectedVersion, audit) {
      const results = await write([
        ...writePrologue(audit, messageQueries.atVersion(id, expectedVersion), id),
        messageQueries.delete(id, expectedVersion),
      ]);
      return messageOutcome(results, id);
    },

    async putSettings(settings, expectedVersion, audit) {
      const guard = expectedVersion === undefined ? ALWAYS : settingsQueries.atVersion(expectedVersion);
      const results = await write([
        ...writePrologue(audit, guard),
        settingsQueries.put(settings, expectedVersion),
      ]);
      const row = results.at(-1)?.rows[0];
      return row ? { version: Number(row.version) } : 'conflict';
    },

    async listAudit({ limit, before }) {
      return auditPage(await readOne(auditQueries.page(limit, before)), limit);
    },

    async latestAudit(target) {
      return auditFromRow((await readOne(auditQueries.latest(target)))[0]);
    },

    async recordActivity(batch, t) {
      const statements = recordActivityStatements(batch, t);
      if (statements.length > 0) await driver.batch(statements, 'log');
    },

    async listCapturedRequests(limit) {
      return capturedFromRows((await read([activityQueries.requests(limit)]))[0]);
    },

    async reportSummary(limit, t) {
      return summaryFromResults(await read(activityQueries.summary(limit, t)));
    },

    close: () => driver.close(),
  };
}
