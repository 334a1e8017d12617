// `npm run backup -- <file>` while the service writes: the copy is consistent and restores.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../server/src/store/open-node-store.ts';
import { killLeftovers, startNodeServer } from './hardening-node-server.ts';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const TOKEN = 'backup-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };

const temps: string[] = [];
afterAll(async () => {
  killLeftovers();
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

/** What `npm run backup -- <args>` runs, with DATA_DIR set. */
async function backup(dataDir: string, ...args: string[]) {
  return run(process.execPath, [join(ROOT, 'scripts', 'backup.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({
      code: error.code,
      stdout: error.stdout,
      stderr: error.stderr,
    }),
  );
}

describe('npm run backup', () => {
  it('is the script package.json runs', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.backup).toBe('node scripts/backup.mjs');
  });

  it('copies the database while the service writes, and the copy restores', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'backup-'));
    temps.push(dir);
    const dataDir = join(dir, 'data');
    const server = await startNodeServer(dataDir, { env: { ADMIN_TOKEN: TOKEN } });
    const post = (n: number) =>
      fetch(`${server.url}/api/admin/messages`, {
        method: 'POST',
        headers: AUTH,
        body: JSON.stringify({
          text: { en: `Message ${n}` },
          bases: ['*'],
          displayUntil: new Date(Date.now() + 3_600_000).toISOString(),
          severity: 'info',
        }),
      });
    for (let n = 0; n < 5; n++) expect((await post(n)).status).toBe(201);

    // A writer keeps going while the copy is made.
    let writing = true;
    let written = 5;
    const writer = (async () => {
      while (writing) {
        if ((await post(written)).status === 201) written++;
      }
    })();
    const file = join(dir, 'copy.db');
    const result = await backup(dataDir, file);
    writing = false;
    await writer;
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^Backed up .*startup-help\.db to .*copy\.db \(\d+ messages, \d+ audit entries, \d+ KB\)/,
    );
    expect(result.stdout).toMatch(/To restore: stop the service, copy .* delete .*-wal and .*-shm/);

    const copy = new DatabaseSync(file, { readOnly: true });
    expect(copy.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
    const inCopy = copy.prepare('SELECT count(*) AS n FROM messages').get() as { n: number };
    const auditInCopy = copy.prepare('SELECT count(*) AS n FROM audit').get() as { n: number };
    copy.close();
    // Every message written before the copy began, each with its audit entry: one transaction's view.
    expect(inCopy.n).toBeGreaterThanOrEqual(5);
    expect(inCopy.n).toBeLessThanOrEqual(written);
    expect(auditInCopy.n).toBe(inCopy.n);

    // Restore as the README says: stop, copy over, drop -wal and -shm, start.
    expect(await server.stop()).toBe(0);
    await copyFile(file, join(dataDir, DATABASE_FILE));
    await rm(join(dataDir, `${DATABASE_FILE}-wal`), { force: true });
    await rm(join(dataDir, `${DATABASE_FILE}-shm`), { force: true });
    const restored = await startNodeServer(dataDir, { env: { ADMIN_TOKEN: TOKEN } });
    const listed = (await (await fetch(`${restored.url}/api/admin/messages`, { headers: AUTH })).json()) as {
      messages: unknown[];
    };
    expect(listed.messages).toHaveLength(inCopy.n);
    expect(await restored.stop()).toBe(0);
  }, 60_000);

  it('refuses without a file, over an existing file, and without a database, saying what to do', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'backup-'));
    temps.push(dir);
    const usage = await backup(dir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/Usage: npm run backup -- <file>/);

    const none = await backup(join(dir, 'nothing-here'), join(dir, 'x.db'));
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/there is no database at .*startup-help\.db\. Set DATA_DIR/);

    await writeFile(join(dir, DATABASE_FILE), '');
    await writeFile(join(dir, 'taken.db'), 'keep me');
    const taken = await backup(dir, join(dir, 'taken.db'));
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/taken\.db exists already\. Choose a new name/);
    expect(await readFile(join(dir, 'taken.db'), 'utf8')).toBe('keep me');
  });
});
