import { join } from 'node:path';
import { MIGRATIONS } from 'startup-help:migrations';
import type { D1Database } from '@cloudflare/workers-types';
import { Miniflare, type WorkerOptions } from 'miniflare';
import { d1Driver } from '../server/src/store/sql/d1-driver.ts';
import { applyMigrations as runMigrations } from '../server/src/store/sql/migrate.ts';

/** What workerd 2026-04-26 (bundled with miniflare) supports; wrangler.toml uses the same date. */
export const COMPATIBILITY_DATE = '2026-04-26';

const WORKER_BUNDLE = join(import.meta.dirname, '..', 'dist', 'worker', 'worker.mjs');

/**
 * wrangler.toml's `[assets]` (dist/worker-assets/, written by the build) as wrangler hands it to
 * miniflare; test/worker-wrangler.test.ts checks it against wrangler's own reading of the file.
 */
export const WORKER_ASSETS: NonNullable<WorkerOptions['assets']> = {
  directory: join(import.meta.dirname, '..', 'dist', 'worker-assets'),
  binding: 'ASSETS',
  routerConfig: { has_user_worker: true, invoke_user_worker_ahead_of_assets: true },
  assetConfig: {
    html_handling: 'none',
    not_found_handling: 'none',
    compatibility_date: COMPATIBILITY_DATE,
    compatibility_flags: [],
  },
};

/**
 * Applies server/migrations with the service's own runner (the one the Node store uses), which keeps
 * wrangler's d1_migrations table: what `wrangler d1 migrations apply` would do.
 */
export async function applyMigrations(db: D1Database): Promise<void> {
  await runMigrations(d1Driver(db), MIGRATIONS);
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

/** The shipped bundle (dist/worker/worker.mjs, built by the global setup) in workerd with its assets and a local, migrated D1 as DB. */
export async function startWorker(bindings: Record<string, string>): Promise<Miniflare> {
  const mf = new Miniflare({
    modules: true,
    scriptPath: WORKER_BUNDLE,
    compatibilityDate: COMPATIBILITY_DATE,
    assets: WORKER_ASSETS,
    d1Databases: ['DB'],
    bindings,
  });
  await applyMigrations((await mf.getD1Database('DB')) as unknown as D1Database);
  return mf;
}
