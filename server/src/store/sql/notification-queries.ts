import type { Delivery } from '../../../../contract/channel.ts';
import type { ClaimedDelivery } from '../../domain/automation-store.ts';
import type { NewDelivery } from '../../domain/notifications/delivery-plan.ts';
import type { NotifiedMessage } from '../../domain/notifications/message-events.ts';
import type { AttemptResult } from '../../domain/notifications/retry-policy.ts';
import { type SqlRow, type SqlStatement, sql } from './sql-driver.ts';

export const notificationQueries = {
  open: () => sql('SELECT id, started_at_ms, body FROM notified_messages WHERE ended_at_ms IS NULL'),

  putNotified: (row: NotifiedMessage): SqlStatement =>
    sql(
      `INSERT INTO notified_messages (id, started_at_ms, ended_at_ms, body) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET started_at_ms = excluded.started_at_ms, ended_at_ms = excluded.ended_at_ms, body = excluded.body`,
      row.id,
      row.startedAt,
      row.endedAt ?? null,
      JSON.stringify(row.message),
    ),

  /** Nothing when this event already has a delivery to this channel. */
  insertDelivery: (d: NewDelivery): SqlStatement =>
    sql(
      `INSERT INTO deliveries (id, channel_id, event_id, event, created_at_ms, state, attempts, next_attempt_ms, lease_until_ms, payload)
       VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, 0, ?) ON CONFLICT (event_id, channel_id) DO NOTHING`,
      d.id,
      d.channelId,
      d.eventId,
      d.event,
      d.createdAt,
      d.createdAt,
      JSON.stringify(d.payload),
    ),

  anyDue: (now: number): SqlStatement =>
    sql(
      `SELECT 1 AS due FROM deliveries WHERE state = 'pending' AND next_attempt_ms <= ?1 AND lease_until_ms <= ?1 LIMIT 1`,
      now,
    ),

  /** Takes up to `limit` due deliveries in one statement, so two runners never take the same one. */
  claim: (now: number, limit: number, leaseMs: number): SqlStatement =>
    sql(
      `UPDATE deliveries SET lease_until_ms = ?1
       WHERE id IN (SELECT id FROM deliveries WHERE state = 'pending' AND next_attempt_ms <= ?2 AND lease_until_ms <= ?2
                    ORDER BY next_attempt_ms LIMIT ?3)
       RETURNING id, channel_id, attempts, payload`,
      now + leaseMs,
      now,
      limit,
    ),

  finish: (id: string, attempt: number, result: AttemptResult, at: number): SqlStatement =>
    sql(
      `UPDATE deliveries SET attempts = ?, state = ?, last_attempt_ms = ?, lease_until_ms = 0,
         next_attempt_ms = coalesce(?, next_attempt_ms), problem = ? WHERE id = ?`,
      attempt,
      result.state,
      at,
      result.state === 'pending' ? result.nextAttemptAt : null,
      result.state === 'delivered' ? null : result.problem,
      id,
    ),

  list: (channelId: string | undefined, limit: number) =>
    sql(
      `SELECT id, channel_id, event, created_at_ms, state, attempts, last_attempt_ms, next_attempt_ms, problem, payload
       FROM deliveries WHERE (?1 IS NULL OR channel_id = ?1) ORDER BY created_at_ms DESC, rowid DESC LIMIT ?2`,
      channelId ?? null,
      limit,
    ),

  deleteForChannel: (channelId: string) => sql('DELETE FROM deliveries WHERE channel_id = ?', channelId),

  prune: (before: number): SqlStatement[] => [
    sql("DELETE FROM deliveries WHERE state <> 'pending' AND created_at_ms < ?", before),
    sql('DELETE FROM notified_messages WHERE ended_at_ms IS NOT NULL AND ended_at_ms < ?', before),
  ],
};

export function notifiedFromRow(row: SqlRow): NotifiedMessage {
  return { id: String(row.id), startedAt: Number(row.started_at_ms), message: JSON.parse(String(row.body)) };
}

export function claimedFromRow(row: SqlRow): ClaimedDelivery {
  return {
    id: String(row.id),
    channelId: String(row.channel_id),
    attempts: Number(row.attempts),
    payload: JSON.parse(String(row.payload)),
  };
}

/** A delivery as the console shows it. */
export function deliveryFromRow(row: SqlRow): Delivery {
  const iso = (ms: number) => new Date(ms).toISOString();
  const payload = JSON.parse(String(row.payload)) as { subject: string };
  const state = String(row.state) as Delivery['state'];
  return {
    id: String(row.id),
    channelId: String(row.channel_id),
    event: String(row.event) as Delivery['event'],
    subject: payload.subject,
    createdAt: iso(Number(row.created_at_ms)),
    state,
    attempts: Number(row.attempts),
    ...(row.last_attempt_ms !== null && { lastAttemptAt: iso(Number(row.last_attempt_ms)) }),
    ...(state === 'pending' && { nextAttemptAt: iso(Number(row.next_attempt_ms)) }),
    ...(row.problem !== null && { problem: String(row.problem) }),
  };
}
