/**
 * The program of the thread that owns the node:sqlite connection (see node-sqlite-driver.ts), as
 * source text: a thread started from text needs no file next to the bundle and no TypeScript loader,
 * so it runs the same under tsx, from dist/ and in tests. Plain JavaScript, CommonJS `require`.
 *
 * Requests: { id, op: 'open', file, readOnlyURI, busyTimeoutMs } | { id, op: 'batch', statements, mode }
 *         | { id, op: 'backup', target } | { id, op: 'close' }
 * Replies:  { id, results } | { id, error: { message, errcode, errstr } }
 */
export const SQLITE_THREAD_SOURCE = `
'use strict';
const { parentPort } = require('node:worker_threads');
const { DatabaseSync } = require('node:sqlite');

let db;
let synchronous = '';
const statements = new Map();

function prepared(text) {
  let statement = statements.get(text);
  if (!statement) {
    statement = db.prepare(text);
    if (statements.size >= 500) statements.clear();
    statements.set(text, statement);
  }
  return statement;
}

function setSynchronous(level) {
  if (synchronous === level) return;
  db.exec('PRAGMA synchronous = ' + level);
  synchronous = level;
}

// SQLITE_READONLY and SQLITE_CANTOPEN: the file or its directory may not be written.
const NOT_WRITABLE = [8, 14];

// Linux gives each thread its own nice value: this thread yields the core to the one answering 1C
// clients whenever both want it (one core, or every core busy), so a burst of admin writes delays
// the writes, not the answers. Where the system refuses (other platforms, limits), it runs as it is.
const NICENESS = 19;

function lowerPriority() {
  try {
    require('node:os').setPriority(NICENESS);
  } catch {}
}

function openOnce(request) {
  try {
    db = new DatabaseSync(request.file, { timeout: request.busyTimeoutMs });
    // Reading the schema is what tells a database from a damaged or foreign file.
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    if (request.file !== ':memory:') db.exec('PRAGMA journal_mode = WAL');
  } catch (error) {
    if (db && db.isOpen) db.close();
    if (!request.readOnlyURI || !NOT_WRITABLE.includes((error.errcode || 0) & 0xff)) throw error;
    // Cannot write here: read the data as it is, so 1C clients still get their answers.
    db = new DatabaseSync(request.readOnlyURI, { readOnly: true });
    db.prepare('SELECT count(*) AS n FROM sqlite_master').get();
    return [{ rows: [{ readOnly: 1 }], changes: 0 }];
  }
  db.exec('PRAGMA foreign_keys = ON');
  setSynchronous('FULL');
  return [];
}

// SQLITE_BUSY. Switching a new file to WAL takes a lock SQLite does not wait for, so a process
// starting while another one creates the database tries again, up to the busy timeout.
const BUSY = 5;
const pause = new Int32Array(new SharedArrayBuffer(4));

function open(request) {
  const deadline = Date.now() + request.busyTimeoutMs;
  for (;;) {
    try {
      return openOnce(request);
    } catch (error) {
      if (((error.errcode || 0) & 0xff) !== BUSY || Date.now() >= deadline) throw error;
      Atomics.wait(pause, 0, 0, 20);
    }
  }
}

function run(statement, params) {
  const prepared_ = prepared(statement);
  if (prepared_.columns().length > 0) {
    const rows = prepared_.all(...params);
    return { rows, changes: rows.length };
  }
  const outcome = prepared_.run(...params);
  return { rows: [], changes: Number(outcome.changes) };
}

function batch(request) {
  if (request.mode !== 'read') setSynchronous(request.mode === 'log' ? 'NORMAL' : 'FULL');
  db.exec(request.mode === 'read' ? 'BEGIN' : 'BEGIN IMMEDIATE');
  try {
    const results = request.statements.map((s) => run(s.sql, s.params || []));
    db.exec('COMMIT');
    return results;
  } catch (error) {
    if (db.isTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function handle(request) {
  switch (request.op) {
    case 'open':
      lowerPriority();
      return open(request);
    case 'batch':
      return batch(request);
    case 'backup':
      // One read transaction: a consistent copy while other connections keep writing.
      db.prepare('VACUUM INTO ?').run(request.target);
      return [];
    case 'close':
      if (db && db.isOpen) db.close();
      // Nothing more to do: the thread ends once this reply is out.
      setImmediate(() => parentPort.close());
      return [];
    default:
      throw new Error('unknown request ' + request.op);
  }
}

parentPort.on('message', (request) => {
  try {
    parentPort.postMessage({ id: request.id, results: handle(request) });
  } catch (error) {
    parentPort.postMessage({
      id: request.id,
      error: { message: String(error && error.message), errcode: error && error.errcode, errstr: error && error.errstr },
    });
  }
});
`;
