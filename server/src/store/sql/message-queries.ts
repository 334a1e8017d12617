import type { Message } from '../../../../contract/message.ts';
import { BadCursorError, type EndedPage, type EndedQuery } from '../store.ts';
import { type SqlRow, type SqlStatement, sql } from './sql-driver.ts';
import type { WriteGuard } from './write-guard.ts';

/** Rows keep the JSON the admin API validated; `version` lives in its own column for the guards. */
export function messageFromRow(row: SqlRow): Message {
  return { ...(JSON.parse(String(row.body)) as Message), version: Number(row.version) };
}

const CURRENT_REVISION = '(SELECT revision FROM store_state WHERE id = 1)';

export const messageQueries = {
  get: (id: string) => sql('SELECT version, body FROM messages WHERE id = ?', id),

  list: () => sql('SELECT version, body FROM messages ORDER BY created_at_ms DESC, id DESC'),

  /** Active or scheduled at `now`: everything the public answers can show. */
  notEndedAt: (now: number) => sql('SELECT version, body FROM messages WHERE display_until_ms > ?', now),

  /** Messages written after `revision`, and the ids touched (an id without a row was deleted). */
  changedSince: (revision: number) =>
    sql(
      `SELECT version, body FROM messages
       WHERE id IN (SELECT message_id FROM message_changes WHERE revision > ?)`,
      revision,
    ),
  touchedSince: (revision: number) =>
    sql('SELECT DISTINCT message_id FROM message_changes WHERE revision > ?', revision),

  exists: (id: string): WriteGuard => ({
    where: 'EXISTS (SELECT 1 FROM messages WHERE id = ?)',
    params: [id],
  }),
  absent: (id: string): WriteGuard => ({
    where: 'NOT EXISTS (SELECT 1 FROM messages WHERE id = ?)',
    params: [id],
  }),
  atVersion: (id: string, version: number): WriteGuard => ({
    where: 'EXISTS (SELECT 1 FROM messages WHERE id = ? AND version = ?)',
    params: [id, version],
  }),

  /** Ends the batch of a create: does nothing (0 changes) when the id is taken or the guard fails. */
  insert: (message: Message, guard: WriteGuard): SqlStatement =>
    sql(
      `INSERT INTO messages (id, version, starts_at_ms, display_until_ms, created_at_ms, revision, body)
       SELECT ?, ?, ?, ?, ?, ${CURRENT_REVISION}, ? WHERE ${guard.where} ON CONFLICT (id) DO NOTHING`,
      message.id,
      message.version,
      Date.parse(message.startsAt),
      Date.parse(message.displayUntil),
      Date.parse(message.createdAt),
      JSON.stringify(message),
      ...guard.params,
    ),

  update: (next: Message, expectedVersion: number): SqlStatement =>
    sql(
      `UPDATE messages SET version = ?, starts_at_ms = ?, display_until_ms = ?, revision = ${CURRENT_REVISION}, body = ?
       WHERE id = ? AND version = ?`,
      next.version,
      Date.parse(next.startsAt),
      Date.parse(next.displayUntil),
      JSON.stringify(next),
      next.id,
      expectedVersion,
    ),

  delete: (id: string, expectedVersion: number): SqlStatement =>
    sql('DELETE FROM messages WHERE id = ? AND version = ?', id, expectedVersion),

  ended: (query: EndedQuery): SqlStatement => {
    const cursor = query.before === undefined ? undefined : parseEndedCursor(query.before);
    return sql(
      `SELECT version, body, display_until_ms, id FROM messages
       WHERE display_until_ms <= ?1 AND display_until_ms > ?2
         AND (?3 IS NULL OR EXISTS (
           SELECT 1 FROM json_each(messages.body, '$.bases') WHERE value = '*' OR value = ?3))
         AND (?4 IS NULL OR display_until_ms < ?4 OR (display_until_ms = ?4 AND id < ?5))
       ORDER BY display_until_ms DESC, id DESC LIMIT ?6`,
      query.endedBy,
      query.endedAfter,
      query.baseKey ?? null,
      cursor?.ms ?? null,
      cursor?.id ?? null,
      query.limit + 1,
    );
  },
};

/** A page of `ended` rows: one more than the limit was read to know whether a next page exists. */
export function endedPage(rows: SqlRow[], limit: number): EndedPage {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    messages: page.map(messageFromRow),
    ...(rows.length > limit && last && { next: `${Number(last.display_until_ms)}.${String(last.id)}` }),
  };
}

function parseEndedCursor(cursor: string): { ms: number; id: string } {
  const dot = cursor.indexOf('.');
  const ms = Number(cursor.slice(0, dot));
  if (dot < 1 || !Number.isSafeInteger(ms)) {
    throw new BadCursorError(
      `"${cursor}" is not a page cursor of the message history. Use the link of the previous page.`,
    );
  }
  return { ms, id: cursor.slice(dot + 1) };
}
