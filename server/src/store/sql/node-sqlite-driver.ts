import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type StoreProblem, storeProblemWords } from '../../domain/store-problem-words.ts';
import { StoreOpenError, StoreUnavailableError } from '../store.ts';
import type { BatchMode, SqlDriver, SqlResult, SqlStatement } from './sql-driver.ts';
import { SQLITE_THREAD_SOURCE } from './sqlite-thread-source.ts';

export interface NodeSqliteOptions {
  /** The database file, or `:memory:` (tests). */
  file: string;
  /**
   * How long a write waits for another process's write to finish before giving up (SQLite's busy
   * timeout). The wait happens in the database thread, never on the thread that answers requests.
   */
  busyTimeoutMs?: number;
}

export interface NodeSqliteDriver extends SqlDriver {
  readonly file: string;
  /**
   * The file or its directory may not be written: the data is read as it is (SQLite's `immutable`),
   * and every write fails with the permissions advice.
   */
  readonly readOnly: boolean;
  /** A consistent copy of the whole database into `target` (which must not exist), while others write. */
  backup(target: string): Promise<void>;
}

interface ThreadError {
  message: string;
  errcode?: number;
  errstr?: string;
}

interface Reply {
  id: number;
  results?: SqlResult[];
  error?: ThreadError;
}

// SQLite primary result codes (sqlite.org/rescode.html) that call for different advice.
const SQLITE_BUSY = 5;
const SQLITE_READONLY = 8;
const SQLITE_IOERR = 10;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_CANTOPEN = 14;
const SQLITE_NOTADB = 26;

/** What went wrong, for a failure while the service runs (the words are in store-problem-words.ts). */
function runtimeProblem(error: ThreadError, file: string, busyTimeoutMs: number): StoreProblem {
  switch ((error.errcode ?? 0) & 0xff) {
    case SQLITE_BUSY:
      return { reason: 'busy', file, seconds: busyTimeoutMs / 1000 };
    case SQLITE_FULL:
      return { reason: 'full', file };
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
      return { reason: 'read-only', file };
    case SQLITE_IOERR:
      return { reason: 'disk', file };
    default:
      return { reason: 'failed', file };
  }
}

/** Why the database cannot be opened at start, and how to fix it. */
function openAdvice(error: ThreadError, file: string, busyTimeoutMs: number): string {
  const code = (error.errcode ?? 0) & 0xff;
  if (code === SQLITE_BUSY) {
    return `Cannot open the database ${file}: another process kept it locked for more than ${busyTimeoutMs / 1000} s (another startup-help process, a backup or an sqlite3 shell in a transaction). Start again once it is done.`;
  }
  if (code === SQLITE_NOTADB || code === SQLITE_CORRUPT) {
    return `The database ${file} is damaged or is not a startup-help database (${error.message}). The service will not start, so that it never overwrites it. Restore it from a backup (README: Deployment, Backups), or move it away to start with empty data.`;
  }
  if (code === SQLITE_CANTOPEN || code === SQLITE_READONLY) {
    return `Cannot open the database ${file} (${error.message}). Check that the data directory exists and that the service user may read and write it and the file, then start again.`;
  }
  return `Cannot open the database ${file}: ${error.message}. Check the data directory and its permissions, then start again.`;
}

/**
 * SQLite through Node's built-in node:sqlite, in a thread of its own: node:sqlite is synchronous, so
 * on the main thread every fsync and every wait for another process's lock would stall the answers
 * to 1C clients. Here the main thread only posts a message and awaits the reply.
 *
 * The file is in WAL mode (readers never wait for the writer; several processes may share it), with
 * a busy timeout for writers, and `synchronous = FULL` for `write` batches (an acknowledged change
 * survives a power cut) but NORMAL for `log` batches (captured requests: cheap to commit).
 */
export async function openNodeSqliteDriver(options: NodeSqliteOptions): Promise<NodeSqliteDriver> {
  const { file } = options;
  const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
  const worker = new Worker(SQLITE_THREAD_SOURCE, { eval: true });
  // The thread never keeps the process alive by itself (an unclosed store must not hang a script);
  // a call that is out does, through a timer (the thread's own handle proved unreliable for that).
  worker.unref();
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const pending = new Map<number, (reply: Reply) => void>();
  let nextId = 0;
  let broken: string | undefined;

  const settleAll = (message: string) => {
    broken = message;
    for (const resolve of pending.values()) resolve({ id: -1, error: { message } });
    pending.clear();
    clearInterval(keepAlive);
  };
  worker.on('message', (reply: Reply) => {
    const resolve = pending.get(reply.id);
    pending.delete(reply.id);
    if (pending.size === 0) clearInterval(keepAlive);
    resolve?.(reply);
  });
  worker.on('error', (error) => settleAll(`the database thread failed: ${error.message}`));
  worker.on('exit', () => settleAll('the database is closed (the service is shutting down)'));

  function call(request: Record<string, unknown>): Promise<Reply> {
    if (broken) return Promise.resolve({ id: -1, error: { message: broken } });
    const id = ++nextId;
    if (pending.size === 0) keepAlive = setInterval(() => {}, 60_000);
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, ...request });
    });
  }

  async function results(request: Record<string, unknown>): Promise<SqlResult[]> {
    const reply = await call(request);
    if (reply.error) {
      const problem = runtimeProblem(reply.error, file, busyTimeoutMs);
      throw new StoreUnavailableError(`${storeProblemWords(problem, 'en')} (${reply.error.message})`, {
        cause: reply.error,
        problem,
      });
    }
    return reply.results ?? [];
  }

  const readOnlyURI = file === ':memory:' ? undefined : `${pathToFileURL(file).href}?immutable=1`;
  const opened = await call({ op: 'open', file, readOnlyURI, busyTimeoutMs });
  if (opened.error) {
    await worker.terminate();
    throw new StoreOpenError(openAdvice(opened.error, file, busyTimeoutMs), { cause: opened.error });
  }

  return {
    file,
    readOnly: opened.results?.[0]?.rows[0]?.readOnly === 1,
    batch: (statements: readonly SqlStatement[], mode: BatchMode) =>
      results({ op: 'batch', statements, mode }),
    backup: async (target) => {
      await results({ op: 'backup', target });
    },
    close: async () => {
      if (broken) return;
      const exited = new Promise((resolve) => worker.once('exit', resolve));
      const waiting = setInterval(() => {}, 60_000);
      try {
        await call({ op: 'close' });
        await exited;
      } finally {
        clearInterval(waiting);
      }
    },
  };
}
