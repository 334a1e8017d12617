import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { MIGRATIONS } from 'startup-help:migrations';
import { type Logger, silentLogger } from '../domain/logger.ts';
import { importStatements, JSON_DATA_FILE, parseJsonDataFile } from './json-import.ts';
import { applyMigrations, type Migration } from './sql/migrate.ts';
import { type NodeSqliteDriver, openNodeSqliteDriver } from './sql/node-sqlite-driver.ts';
import { sql } from './sql/sql-driver.ts';
import { createSqlStore, type SqlStoreOptions } from './sql-store.ts';
import { type Store, StoreOpenError } from './store.ts';

/** The database in DATA_DIR: one SQLite file (plus its -wal and -shm while in use). */
export const DATABASE_FILE = 'startup-help.db';

export interface NodeStoreOptions extends SqlStoreOptions {
  /** DATA_DIR. */
  dir: string;
  /** `:memory:` for tests that need no file; default `<dir>/startup-help.db`. */
  file?: string;
  /** Default: server/migrations, built into the service. */
  migrations?: readonly Migration[];
  busyTimeoutMs?: number;
}

export interface NodeStore extends Store {
  readonly file: string;
  /** A consistent copy of the database into `target` (which must not exist yet), while the service runs. */
  backup(target: string): Promise<void>;
}

async function readJsonDataFile(path: string): Promise<{ text: string } | undefined> {
  try {
    return { text: await readFile(path, 'utf8') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new StoreOpenError(
      `Cannot read the data file ${path}: ${(error as Error).message}. Check its permissions (the service needs to read it once, to import it), then start again.`,
    );
  }
}

async function writable(dir: string, file: string): Promise<boolean> {
  if (file === ':memory:') return true;
  return Promise.all([access(dir, constants.W_OK), access(file, constants.W_OK)]).then(
    () => true,
    () => false,
  );
}

/** A name for the imported JSON file that does not overwrite an earlier one. */
async function backupName(path: string): Promise<string> {
  const plain = `${path}.imported`;
  const taken = await stat(plain).then(
    () => true,
    () => false,
  );
  return taken ? `${plain}-${new Date().toISOString().replace(/[:.]/g, '-')}` : plain;
}

/**
 * The data file of an earlier version, imported once: checked completely before anything is written
 * (a damaged file stops the start and stays untouched), imported in one transaction, then renamed so
 * it is kept as a backup and never imported again.
 */
async function importJsonDataFile(driver: NodeSqliteDriver, dir: string, logger: Logger): Promise<void> {
  const path = join(dir, JSON_DATA_FILE);
  const read = await readJsonDataFile(path);
  if (!read) return;
  const data = parseJsonDataFile(read.text, path);
  const sha256 = createHash('sha256').update(read.text).digest('hex');
  await driver.batch(importStatements(data, sha256), 'write');
  const [state] = await driver.batch(
    [sql('SELECT imported_json_sha256 FROM store_state WHERE id = 1')],
    'read',
  );
  if (state?.rows[0]?.imported_json_sha256 !== sha256) {
    throw new StoreOpenError(
      `${dir} holds both ${DATABASE_FILE} with data in it and an older ${JSON_DATA_FILE} that was not imported into it. The service will not start, so that it never mixes the two. If the database is the data you want, move ${JSON_DATA_FILE} out of the directory; to start over from the JSON file, move ${DATABASE_FILE} (and its -wal and -shm files) away instead.`,
    );
  }
  const kept = await backupName(path);
  try {
    await rename(path, kept);
  } catch (error) {
    // Another process starting at the same time renamed it first.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  logger.info(`imported ${JSON_DATA_FILE} into ${DATABASE_FILE}; the JSON file is kept as ${kept}`, {
    messages: data.messages.length,
    auditEntries: data.audit.length,
    settingsVersion: data.settingsVersion,
  });
}

/**
 * The store on Node: `DATA_DIR/startup-help.db` through node:sqlite, migrated with server/migrations
 * (the same files wrangler applies to D1), and the JSON data file of earlier versions imported.
 */
export async function openNodeStore(options: NodeStoreOptions): Promise<NodeStore> {
  const logger = options.logger ?? silentLogger;
  const file = options.file ?? join(options.dir, DATABASE_FILE);
  try {
    await mkdir(options.dir, { recursive: true });
  } catch (error) {
    throw new StoreOpenError(
      `Cannot create the data directory ${options.dir}: ${(error as Error).message}. Check DATA_DIR and its permissions.`,
    );
  }
  // Read before the database exists: a damaged file must stop the start before anything is created.
  const jsonPath = join(options.dir, JSON_DATA_FILE);
  const pending = await readJsonDataFile(jsonPath);
  if (pending) parseJsonDataFile(pending.text, jsonPath);
  const found = await stat(file).catch(() => undefined);
  if (found && !found.isFile()) {
    throw new StoreOpenError(
      `Cannot open the database ${file}: a directory or another non-file stands there. Move it away, or set DATA_DIR to another directory, then start again.`,
    );
  }

  const driver = await openNodeSqliteDriver({
    file,
    ...(options.busyTimeoutMs !== undefined && { busyTimeoutMs: options.busyTimeoutMs }),
  });
  try {
    const applied = await applyMigrations(driver, options.migrations ?? MIGRATIONS);
    if (applied.length > 0) logger.info('database migrated', { file, applied });
    await importJsonDataFile(driver, options.dir, logger);
    if (driver.readOnly || !(await writable(options.dir, file))) {
      logger.error(
        `cannot write ${file} or its directory: answering from the data as it is, and refusing admin changes until the service user may write ${options.dir}`,
      );
    }
  } catch (error) {
    await driver.close();
    throw error;
  }
  return {
    ...createSqlStore(driver, { ...options, logger }),
    file,
    backup: (target) => driver.backup(target),
  };
}
