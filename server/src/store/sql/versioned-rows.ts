import { type SqlRow, type SqlStatement, sql } from './sql-driver.ts';
import type { WriteGuard } from './write-guard.ts';

/** A table of JSON documents with an id and a version (monitors, schedules, channels). */
export type VersionedTable = 'monitors' | 'schedules' | 'channels';

export function documentFromRow<T extends { version: number }>(row: SqlRow): T {
  return { ...(JSON.parse(String(row.body)) as T), version: Number(row.version) };
}

/** The statements of one versioned table; the table name is ours, never the caller's. */
export function versionedRows(table: VersionedTable) {
  return {
    get: (id: string) => sql(`SELECT version, body FROM ${table} WHERE id = ?`, id),
    list: () => sql(`SELECT version, body FROM ${table} ORDER BY id`),
    absent: (id: string): WriteGuard => ({
      where: `NOT EXISTS (SELECT 1 FROM ${table} WHERE id = ?)`,
      params: [id],
    }),
    atVersion: (id: string, version: number): WriteGuard => ({
      where: `EXISTS (SELECT 1 FROM ${table} WHERE id = ? AND version = ?)`,
      params: [id, version],
    }),
    insert: (doc: { id: string; version: number }, guard: WriteGuard): SqlStatement =>
      sql(
        `INSERT INTO ${table} (id, version, body) SELECT ?, ?, ? WHERE ${guard.where} ON CONFLICT (id) DO NOTHING`,
        doc.id,
        doc.version,
        JSON.stringify(doc),
        ...guard.params,
      ),
    update: (doc: { id: string; version: number }, expectedVersion: number): SqlStatement =>
      sql(
        `UPDATE ${table} SET version = ?, body = ? WHERE id = ? AND version = ?`,
        doc.version,
        JSON.stringify(doc),
        doc.id,
        expectedVersion,
      ),
    delete: (id: string, expectedVersion: number): SqlStatement =>
      sql(`DELETE FROM ${table} WHERE id = ? AND version = ?`, id, expectedVersion),
  };
}
