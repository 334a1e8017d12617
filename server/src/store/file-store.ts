import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { AuditEntrySchema } from '../../../contract/audit-entry.ts';
import { Message } from '../../../contract/message.ts';
import { DEFAULT_SETTINGS, Settings } from '../../../contract/settings.ts';
import * as z from '../../../contract/zod.ts';
import type { Logger } from '../domain/logger.ts';
import {
  type AuditEntry,
  type Snapshot,
  type Store,
  StoreUnavailableError,
  type WriteResult,
} from './store.ts';

export const DATA_FILE = 'startup-help.json';
const FORMAT = 1;
/** The audit trail kept in the file; older entries are dropped. */
export const AUDIT_KEPT = 5000;

const DataFile = z.object({
  format: z.literal(FORMAT),
  /** Bumped on every write: tells which of two copies is newer. */
  revision: z.int().check(z.nonnegative()),
  settingsVersion: z.int().check(z.nonnegative()),
  settings: Settings,
  messages: z.array(Message),
  audit: z.array(AuditEntrySchema),
});
type DataFile = z.infer<typeof DataFile>;

/** The data file exists but cannot be used. The store refuses to open rather than overwrite it. */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}

export interface FileStoreOptions {
  dir: string;
  logger: Logger;
  /** Writes `data` to `path` durably; tests replace it to simulate a full disk. */
  writeFileDurably?: (path: string, data: string) => Promise<void>;
}

/** Temp file in the same directory, fsync, rename over the old file, fsync the directory. */
export async function writeFileDurably(path: string, data: string): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const file = await open(temp, 'wx', 0o600);
    try {
      await file.writeFile(data, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  const dir = await open(join(path, '..'), 'r').catch(() => undefined);
  await dir?.sync().catch(() => {});
  await dir?.close();
}

async function readDataFile(path: string): Promise<DataFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new DataFileError(
      `Cannot read the data file ${path}: ${(error as Error).message}. Check its permissions (the service needs to read and write it), then start again.`,
    );
  }
  const refuse = (detail: string) =>
    new DataFileError(
      `The data file ${path} is damaged: ${detail}. The service will not start, so that it never overwrites your data. Restore the file from a backup or move it away to start with empty data.`,
    );
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw refuse(`it is not valid JSON (${(error as Error).message})`);
  }
  if (typeof json === 'object' && json && 'format' in json && json.format !== FORMAT) {
    throw new DataFileError(
      `The data file ${path} has format ${JSON.stringify(json.format)}, and this version of startup-help reads format ${FORMAT}. Use the startup-help version that wrote it.`,
    );
  }
  const parsed = DataFile.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw refuse(`${first?.path.join('.') || '(top level)'} ${first?.message ?? 'is not as expected'}`);
  }
  return parsed.data;
}

/**
 * The embedded store for Node: all data in one JSON file in `DATA_DIR`, held in memory. Reads never
 * touch the disk. Writes go one at a time through a queue; each builds the next state, writes it
 * durably, and only then makes it current — if the disk fails, the last good state stays in memory
 * and on disk, and the write answers `StoreUnavailableError`.
 */
export async function openFileStore(options: FileStoreOptions): Promise<Store> {
  const path = join(options.dir, DATA_FILE);
  const write = options.writeFileDurably ?? writeFileDurably;
  await mkdir(options.dir, { recursive: true });
  let state: DataFile = (await readDataFile(path)) ?? {
    format: FORMAT,
    revision: 0,
    settingsVersion: 0,
    settings: DEFAULT_SETTINGS,
    messages: [],
    audit: [],
  };
  // A process killed mid-write leaves its temp file behind (the data file itself is intact); without
  // this, every crash would leave one more copy of the data in DATA_DIR.
  for (const name of await readdir(options.dir).catch(() => [])) {
    if (/^startup-help\.json\.[0-9a-f]+\.tmp$/.test(name)) {
      await rm(join(options.dir, name), { force: true }).catch(() => {});
    }
  }
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;

  /** Runs `change` after every earlier write; `next` undefined = nothing to write. */
  function mutate<T>(change: (current: DataFile) => { next?: DataFile; result: T }): Promise<T> {
    const run = queue.then(async () => {
      if (closed) throw new StoreUnavailableError('The store is closed (the service is shutting down).');
      const { next, result } = change(state);
      if (!next) return result;
      next.revision = state.revision + 1;
      try {
        await write(path, `${JSON.stringify(next, null, 1)}\n`);
      } catch (error) {
        options.logger.error('could not save data; the change was not applied, serving the last good data', {
          file: path,
          problem: (error as Error).message,
        });
        throw new StoreUnavailableError(
          `Could not save to ${path}: ${(error as Error).message}. Nothing was changed; check free disk space and permissions, then try again.`,
          { cause: error },
        );
      }
      state = next;
      return result;
    });
    queue = run.catch(() => {});
    return run;
  }

  const withAudit = (current: DataFile, entry: AuditEntry) => [entry, ...current.audit].slice(0, AUDIT_KEPT);

  return {
    async load(): Promise<Snapshot> {
      return { settings: state.settings, settingsVersion: state.settingsVersion, messages: state.messages };
    },

    createMessage(message, audit) {
      return mutate((current) => {
        if (current.messages.some((m) => m.id === message.id)) {
          throw new Error(`a message with id ${message.id} exists already`);
        }
        return {
          next: { ...current, messages: [...current.messages, message], audit: withAudit(current, audit) },
          result: undefined,
        };
      });
    },

    updateMessage(next, expectedVersion, audit) {
      return mutate<WriteResult>((current) => {
        const index = current.messages.findIndex((m) => m.id === next.id);
        if (index < 0) return { result: 'not-found' };
        if (current.messages[index]?.version !== expectedVersion) return { result: 'conflict' };
        const messages = current.messages.with(index, next);
        return { next: { ...current, messages, audit: withAudit(current, audit) }, result: 'ok' };
      });
    },

    deleteMessage(id, expectedVersion, audit) {
      return mutate<WriteResult>((current) => {
        const found = current.messages.find((m) => m.id === id);
        if (!found) return { result: 'not-found' };
        if (found.version !== expectedVersion) return { result: 'conflict' };
        const messages = current.messages.filter((m) => m.id !== id);
        return { next: { ...current, messages, audit: withAudit(current, audit) }, result: 'ok' };
      });
    },

    putSettings(settings, expectedVersion, audit) {
      return mutate<{ version: number } | 'conflict'>((current) => {
        if (expectedVersion !== undefined && expectedVersion !== current.settingsVersion) {
          return { result: 'conflict' };
        }
        const version = current.settingsVersion + 1;
        return {
          next: { ...current, settings, settingsVersion: version, audit: withAudit(current, audit) },
          result: { version },
        };
      });
    },

    async listAudit(limit) {
      return state.audit.slice(0, Math.max(0, limit));
    },

    /** Waits for queued writes to finish; later writes are refused. */
    async close() {
      await queue;
      closed = true;
    },
  };
}
