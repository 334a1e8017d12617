import type { AuditEntry } from '../store.ts';
import { type SqlResult, type SqlStatement, type SqlValue, sql } from './sql-driver.ts';

/**
 * The condition a write depends on (`EXISTS (SELECT 1 FROM messages WHERE id = ? AND version = ?)`),
 * written into every statement of the write's batch: D1 has no interactive transactions, so the
 * batch cannot ask first and decide after. Either the condition holds and every statement acts, or
 * it does not and none does.
 */
export interface WriteGuard {
  where: string;
  params: SqlValue[];
}

export const ALWAYS: WriteGuard = { where: '1', params: [] };

const encoder = new TextEncoder();

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}

function byteLength(...parts: (string | null)[]): number {
  let total = 0;
  for (const part of parts) if (part !== null) total += encoder.encode(part).length;
  return total;
}

/** The audit entry's row, inserted only when the guard holds. */
export function auditInsert(
  entry: AuditEntry,
  guard: WriteGuard,
): { statement: SqlStatement; bytes: number } {
  const before = json(entry.before);
  const after = json(entry.after);
  const bytes = byteLength(entry.id, entry.actor, entry.target, before, after);
  const statement = sql(
    `INSERT INTO audit (id, at, at_ms, actor, action, target, before, after, bytes)
     SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE ${guard.where}`,
    entry.id,
    entry.at,
    Date.parse(entry.at),
    entry.actor,
    entry.action,
    entry.target,
    before,
    after,
    bytes,
    ...guard.params,
  );
  return { statement, bytes };
}

/**
 * The statements every write starts with, in this order: bump the store revision (and the audit
 * size), append the audit entry, and — for a message — note which message the revision touched.
 * The first statement returns the new revision when the guard held, nothing when it did not.
 */
export function writePrologue(entry: AuditEntry, guard: WriteGuard, messageId?: string): SqlStatement[] {
  const audit = auditInsert(entry, guard);
  const statements = [
    sql(
      `UPDATE store_state SET revision = revision + 1, audit_bytes = audit_bytes + ?
       WHERE id = 1 AND ${guard.where} RETURNING revision, audit_bytes`,
      audit.bytes,
      ...guard.params,
    ),
    audit.statement,
  ];
  if (messageId !== undefined) {
    statements.push(
      sql(
        `INSERT INTO message_changes (revision, message_id)
         SELECT revision, ? FROM store_state WHERE id = 1 AND ${guard.where}`,
        messageId,
        ...guard.params,
      ),
    );
  }
  return statements;
}

/**
 * Bumps the store revision when `guard` holds: a change other processes must pick up that has no
 * audit entry of its own (a monitor going down or up changes the public status).
 */
export function revisionBump(guard: WriteGuard): SqlStatement {
  return sql(
    `UPDATE store_state SET revision = revision + 1 WHERE id = 1 AND ${guard.where}`,
    ...guard.params,
  );
}

/** What the prologue's first statement returned: the audit size after the write, if it happened. */
export function prologueOutcome(results: SqlResult[]): { auditBytes: number } | undefined {
  const row = results[0]?.rows[0];
  return row ? { auditBytes: Number(row.audit_bytes) } : undefined;
}
