import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { D1Database } from '@cloudflare/workers-types';
import { Miniflare } from 'miniflare';

/** What workerd 2026-04-26 (bundled with miniflare) supports; wrangler.toml uses the same date. */
export const COMPATIBILITY_DATE = '2026-04-26';

const MIGRATIONS_DIR = join(import.meta.dirname, '..', 'server', 'migrations');
const WORKER_BUNDLE = join(import.meta.dirname, '..', 'dist', 'worker.mjs');

/** The statements of every migration file, in file-name order — what `wrangler d1 migrations apply` runs. */
export async function migrationStatements(): Promise<string[]> {
  const files = (await readdir(MIGRATIONS_DIR)).filter((name) => name.endsWith('.sql')).sort();
  const statements: string[] = [];
  for (const file of files) {
    const sql = await readFile(join(MIGRATIONS_DIR, file), 'utf8');
    const withoutComments = sql
      .split('\n')
      .filter((line) => !line.trimStart().startsWith('--'))
      .join('\n');
    statements.push(
      ...withoutComments
        .split(';')
        .map((statement) => statement.trim())
        .filter(Boolean),
    );
  }
  return statements;
}

export async function applyMigrations(db: D1Database): Promise<void> {
  const statements = await migrationStatements();
  await db.batch(statements.map((statement) => db.prepare(statement)));
}

/** A fresh, migrated database on the same binding: drops every table, then migrates again. */
export async function resetDatabase(db: D1Database): Promise<void> {
  const { results } = await db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'",
    )
    .all<{ name: string }>();
  if (results.length > 0) {
    await db.batch(results.map(({ name }) => db.prepare(`DROP TABLE IF EXISTS "${name}"`)));
  }
  await applyMigrations(db);
}

/** The shipped bundle (dist/worker.mjs, built by the global setup) in workerd with a local, migrated D1 as DB. */
export async function startWorker(bindings: Record<string, string>): Promise<Miniflare> {
  const mf = new Miniflare({
    modules: true,
    scriptPath: WORKER_BUNDLE,
    compatibilityDate: COMPATIBILITY_DATE,
    d1Databases: ['DB'],
    bindings,
  });
  await applyMigrations((await mf.getD1Database('DB')) as unknown as D1Database);
  return mf;
}
