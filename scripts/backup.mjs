// `npm run backup -- <file>`: a consistent copy of the database while the service keeps running.
// Plain JavaScript on node:sqlite, so it runs wherever `npm start` runs, with nothing to build.
// SQLite's VACUUM INTO copies one read transaction: every write that finished before the copy began
// is in it, none that began later is, and the service is never blocked (WAL mode).
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DatabaseSync } from 'node:sqlite';

// The file the service keeps in DATA_DIR (server/src/store/open-node-store.ts, DATABASE_FILE).
const DATABASE_FILE = 'startup-help.db';

const USAGE = `Usage: npm run backup -- <file>

Writes a consistent copy of DATA_DIR/${DATABASE_FILE} to <file> while the service runs.
DATA_DIR is read from the environment (default ./data), as by npm start; run it as the service user.
<file> must not exist yet.`;

function fail(message, code = 1) {
  console.error(`backup: ${message}`);
  process.exit(code);
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
if (args.length !== 1) fail(`give exactly one file to write the copy to.\n\n${USAGE}`, 2);

const dataDir = resolve(process.env.DATA_DIR || './data');
const source = join(dataDir, DATABASE_FILE);
const target = resolve(args[0]);
if (!existsSync(source)) {
  fail(
    `there is no database at ${source}. Set DATA_DIR to the directory the service uses (see its start log).`,
  );
}
if (existsSync(target)) fail(`${target} exists already. Choose a new name, or delete that file first.`);
if (!existsSync(dirname(target))) fail(`the directory ${dirname(target)} does not exist. Create it first.`);

const partial = `${target}.partial`;
rmSync(partial, { force: true });
let summary;
try {
  const db = new DatabaseSync(source, { readOnly: true, timeout: 10_000 });
  try {
    db.prepare('VACUUM INTO ?').run(partial);
  } finally {
    db.close();
  }
  // Check the copy before it gets its name: a backup nobody can restore is worse than none.
  const copy = new DatabaseSync(partial, { readOnly: true });
  try {
    const check = copy.prepare('PRAGMA integrity_check').get();
    if (check?.integrity_check !== 'ok')
      throw new Error(`the copy failed its integrity check: ${check?.integrity_check}`);
    const messages = copy.prepare('SELECT count(*) AS n FROM messages').get().n;
    const audit = copy.prepare('SELECT count(*) AS n FROM audit').get().n;
    summary = `${messages} messages, ${audit} audit entries`;
  } finally {
    copy.close();
  }
  renameSync(partial, target);
} catch (error) {
  rmSync(partial, { force: true });
  fail(`could not copy ${source}: ${error.message}. Nothing was written to ${target}.`);
}

const kilobytes = Math.ceil(statSync(target).size / 1024);
console.log(`Backed up ${source} to ${target} (${summary}, ${kilobytes} KB).
To restore: stop the service, copy ${target} to ${source}, delete ${source}-wal and ${source}-shm if they exist, start the service.`);
