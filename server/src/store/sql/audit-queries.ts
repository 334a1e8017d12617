import { type AuditEntry, type AuditPage, BadCursorError } from '../store.ts';
import { type SqlRow, type SqlStatement, sql } from './sql-driver.ts';

const COLUMNS = 'seq, id, at, actor, action, target, before, after';

function entryFromRow(row: SqlRow): AuditEntry {
  return {
    id: String(row.id),
    at: String(row.at),
    actor: String(row.actor),
    action: row.action as AuditEntry['action'],
    target: String(row.target),
    ...(row.before !== null && { before: JSON.parse(String(row.before)) as unknown }),
    ...(row.after !== null && { after: JSON.parse(String(row.after)) as unknown }),
  };
}

function parseCursor(cursor: string): number {
  const seq = Number(cursor);
  if (!/^\d{1,15}$/.test(cursor) || !Number.isSafeInteger(seq)) {
    throw new BadCursorError(
      `"${cursor}" is not an audit log cursor. Pass the "next" value of the previous page as ?before=.`,
    );
  }
  return seq;
}

export const auditQueries = {
  /** One more row than asked for, to know whether there is a next page. */
  page: (limit: number, before: string | undefined): SqlStatement =>
    before === undefined
      ? sql(`SELECT ${COLUMNS} FROM audit ORDER BY seq DESC LIMIT ?`, limit + 1)
      : sql(
          `SELECT ${COLUMNS} FROM audit WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
          parseCursor(before),
          limit + 1,
        ),

  latest: (target: string) =>
    sql(`SELECT ${COLUMNS} FROM audit WHERE target = ? ORDER BY seq DESC LIMIT 1`, target),

  /** Entries older than `cutoff` go; the running total drops by their size first (an index range). */
  pruneOlderThan: (cutoff: number): SqlStatement[] => [
    sql(
      `UPDATE store_state SET audit_bytes = audit_bytes - (SELECT coalesce(sum(bytes), 0) FROM audit WHERE at_ms < ?)
       WHERE id = 1`,
      cutoff,
    ),
    sql('DELETE FROM audit WHERE at_ms < ?', cutoff),
  ],

  /** The oldest entries go until the rest fit in `targetBytes`; then the total is counted again. */
  pruneToSize: (targetBytes: number): SqlStatement[] => [
    sql(
      `DELETE FROM audit WHERE seq <= (
         SELECT seq FROM (SELECT seq, sum(bytes) OVER (ORDER BY seq DESC) AS newer FROM audit)
         WHERE newer > ? ORDER BY seq DESC LIMIT 1)`,
      targetBytes,
    ),
    sql('UPDATE store_state SET audit_bytes = (SELECT coalesce(sum(bytes), 0) FROM audit) WHERE id = 1'),
  ],
};

export function auditPage(rows: SqlRow[], limit: number): AuditPage {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map(entryFromRow),
    ...(rows.length > limit && last && { next: String(last.seq) }),
  };
}

export function auditFromRow(row: SqlRow | undefined): AuditEntry | undefined {
  return row ? entryFromRow(row) : undefined;
}
