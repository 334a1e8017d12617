// Stores for tests that run the app in-process: a real node:sqlite database in a temp directory.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MIGRATIONS } from 'startup-help:migrations';
import { DATABASE_FILE, type NodeStoreOptions, openNodeStore } from '../server/src/store/open-node-store.ts';
import { applyMigrations } from '../server/src/store/sql/migrate.ts';
import { type NodeSqliteDriver, openNodeSqliteDriver } from '../server/src/store/sql/node-sqlite-driver.ts';
import { createSqlStore, type SqlStoreOptions } from '../server/src/store/sql-store.ts';
import type { Store } from '../server/src/store/store.ts';

export interface TempStore {
  dir: string;
  store: Store;
  cleanup(): Promise<void>;
}

/** The store `npm start` opens, in a fresh temp directory. */
export async function openTempStore(options: Omit<NodeStoreOptions, 'dir'> = {}): Promise<TempStore> {
  const dir = await mkdtemp(join(tmpdir(), 'startup-help-store-'));
  const store = await openNodeStore({ ...options, dir });
  return {
    dir,
    store,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The same store with its driver at hand, for tests that make the database itself fail (a full
 * disk through `PRAGMA max_page_count`, a held lock).
 */
export async function openStoreWithDriver(
  options: SqlStoreOptions = {},
): Promise<TempStore & { driver: NodeSqliteDriver; file: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'startup-help-store-'));
  const file = join(dir, DATABASE_FILE);
  const driver = await openNodeSqliteDriver({ file });
  await applyMigrations(driver, MIGRATIONS);
  const store = createSqlStore(driver, options);
  return {
    dir,
    file,
    store,
    driver,
    cleanup: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** From now on the database file may not grow: the next write that needs a new page fails as on a full disk. */
export async function fillDisk(driver: NodeSqliteDriver): Promise<void> {
  const [count] = await driver.batch([{ sql: 'PRAGMA page_count' }], 'read');
  const pages = Number(count?.rows[0]?.page_count);
  await driver.batch([{ sql: `PRAGMA max_page_count = ${pages}` }], 'read');
}

/** The disk has room again. */
export async function freeDisk(driver: NodeSqliteDriver): Promise<void> {
  await driver.batch([{ sql: 'PRAGMA max_page_count = 4294967294' }], 'read');
}
