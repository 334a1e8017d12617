import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { fileURLToPath } from 'node:url';
import {
  type AutomationSqlStore,
  auditRowPrologue,
  createAutomationSqlStore,
} from './automation-sql-store.ts';
import type { SqlDriver, SqlRow } from './sql/sql-driver.ts';

/** The database the automation tables live in on Node, in DATA_DIR. */
export const AUTOMATION_DATABASE = 'automation.db';

/** server/migrations: beside server/src when run from source, one level up from dist/server.mjs when built. */
const MIGRATIONS_DIR = [
  new URL('../../migrations/', import.meta.url),
  new URL('../server/migrations/', import.meta.url),
]
  .map((url) => fileURLToPath(url))
  .find((dir) => existsSync(join(dir, '0001_init.sql')));

/**
 * node:sqlite as an SqlDriver: every batch is one transaction (write batches take the write lock
 * first, so a guarded statement sees what it guards). Writes are small and few (a probe, a delivery),
 * so they run on the calling thread.
 */
function sqliteDriver(db: DatabaseSync): SqlDriver {
  return {
    async batch(statements, mode) {
      db.exec(mode === 'read' ? 'BEGIN' : 'BEGIN IMMEDIATE');
      try {
        const results = statements.map(({ sql, params }) => {
          const prepared = db.prepare(sql);
          if (/^\s*SELECT\b|\bRETURNING\b/i.test(sql)) {
            const rows = prepared.all(...(params ?? [])) as SqlRow[];
            return { rows, changes: rows.length };
          }
          return { rows: [], changes: Number(prepared.run(...(params ?? [])).changes) };
        });
        db.exec('COMMIT');
        return results;
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
    close: async () => db.close(),
  };
}

/** Applies the migrations not applied yet, recorded like wrangler records them (`d1_migrations`). */
async function migrate(db: DatabaseSync, dir: string): Promise<void> {
  db.exec(`CREATE TABLE IF NOT EXISTS d1_migrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT name FROM d1_migrations').all() as { name: string }[]).map((r) => r.name),
  );
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.sql')).sort()) {
    if (applied.has(name)) continue;
    const script = await readFile(join(dir, name), 'utf8');
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(script);
      db.prepare('INSERT INTO d1_migrations (name) VALUES (?)').run(name);
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw new Error(
        `Could not apply the database migration ${name}: ${(error as Error).message}. Nothing of it was applied.`,
      );
    }
  }
}

/** A migrated SQLite database (`:memory:` for tests) and its driver. */
export async function openMigratedSqlite(file: string): Promise<{ db: DatabaseSync; driver: SqlDriver }> {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000');
  if (!MIGRATIONS_DIR) throw new Error('server/migrations is missing beside the program; reinstall it');
  await migrate(db, MIGRATIONS_DIR);
  return { db, driver: sqliteDriver(db) };
}

/** The automation tables in `<dataDir>/automation.db`. */
export async function openAutomationSqlite(
  dataDir: string,
): Promise<AutomationSqlStore & { close(): Promise<void> }> {
  const { driver } = await openMigratedSqlite(join(dataDir, AUTOMATION_DATABASE));
  return { ...createAutomationSqlStore(driver, auditRowPrologue), close: () => driver.close() };
}
