import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { AutomationAudit } from '../domain/automation-store.ts';
import { auditRowPrologue, createAutomationSqlStore } from './automation-sql-store.ts';
import { defineAutomationStoreContract } from './automation-store-contract.ts';
import type { SqlDriver, SqlRow } from './sql/sql-driver.ts';

const MIGRATIONS = join(import.meta.dirname, '..', '..', 'migrations');

/** The smallest driver over node:sqlite: each batch in one transaction, as the drivers promise. */
function memoryDriver(db: DatabaseSync): SqlDriver {
  return {
    async batch(statements) {
      db.exec('BEGIN IMMEDIATE');
      try {
        const results = statements.map(({ sql, params }) => {
          const prepared = db.prepare(sql);
          if (/\bRETURNING\b|^\s*SELECT/i.test(sql)) {
            const rows = prepared.all(...(params ?? [])) as SqlRow[];
            return { rows, changes: rows.length };
          }
          const run = prepared.run(...(params ?? []));
          return { rows: [], changes: Number(run.changes) };
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

defineAutomationStoreContract('node:sqlite', async () => {
  const db = new DatabaseSync(':memory:');
  for (const name of (await readdir(MIGRATIONS)).filter((n) => n.endsWith('.sql')).sort()) {
    db.exec(await readFile(join(MIGRATIONS, name), 'utf8'));
  }
  const driver = memoryDriver(db);
  const store = createAutomationSqlStore(driver, auditRowPrologue);
  return {
    store,
    audit: async () =>
      db
        .prepare('SELECT id, at, actor, action, target FROM audit ORDER BY seq')
        .all() as unknown as AutomationAudit[],
    cleanup: () => driver.close(),
  };
});
