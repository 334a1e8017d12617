import { StoreOpenError } from '../store.ts';
import { type SqlDriver, sql } from './sql-driver.ts';

/** One file of server/migrations: `name` is the file name (`0002_sql_store.sql`), as wrangler records it. */
export interface Migration {
  name: string;
  sql: string;
}

/**
 * wrangler's own bookkeeping table (`wrangler d1 migrations apply`), created with wrangler's DDL: a
 * D1 database migrated by wrangler and a file migrated here agree on what is applied, and a database
 * copied from one to the other continues where it was.
 */
export const MIGRATIONS_TABLE = 'd1_migrations';

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS ${MIGRATIONS_TABLE}(
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  name       TEXT UNIQUE,
  applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
)`;

/**
 * The statements of a migration file. The files follow one rule so that no SQL parser is needed:
 * a statement ends with `;` at the end of a line, and `--` comments take whole lines.
 */
export function splitStatements(script: string): string[] {
  return script
    .split(/\r?\n/)
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .split(/;[ \t]*(?:\n|$)/)
    .map((statement) => statement.trim())
    .filter(Boolean);
}

async function appliedNames(driver: SqlDriver): Promise<Set<string>> {
  const [table] = await driver.batch(
    [sql("SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?", MIGRATIONS_TABLE)],
    'read',
  );
  if (!table?.rows.length) return new Set();
  const [listed] = await driver.batch([sql(`SELECT name FROM ${MIGRATIONS_TABLE} ORDER BY id`)], 'read');
  return new Set((listed?.rows ?? []).map((row) => String(row.name)));
}

/**
 * Applies the migrations not applied yet, in file-name order, each with its `d1_migrations` row in
 * one transaction. Several processes may start at once: a migration another one applied first is
 * skipped, not failed. Returns the names applied now.
 */
export async function applyMigrations(
  driver: SqlDriver,
  migrations: readonly Migration[],
): Promise<string[]> {
  let applied = await appliedNames(driver);
  const done: string[] = [];
  const sorted = [...migrations].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Nothing to do must not need a write: a database that may only be read can still be served.
  if (sorted.some((migration) => !applied.has(migration.name))) {
    await driver.batch([sql(CREATE_MIGRATIONS_TABLE)], 'write');
  }
  for (const migration of sorted) {
    if (applied.has(migration.name)) continue;
    try {
      await driver.batch(
        [
          ...splitStatements(migration.sql).map((statement) => sql(statement)),
          sql(`INSERT INTO ${MIGRATIONS_TABLE} (name) VALUES (?)`, migration.name),
        ],
        'write',
      );
      done.push(migration.name);
    } catch (error) {
      applied = await appliedNames(driver);
      if (applied.has(migration.name)) continue;
      throw new StoreOpenError(
        `Could not apply the database migration ${migration.name}: ${(error as Error).message}. Nothing of it was applied. Restore the database from a backup if it was changed by hand, or report this problem.`,
        { cause: error },
      );
    }
  }
  return done;
}
