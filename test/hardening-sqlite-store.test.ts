// Faults the store must survive: a damaged or unreadable database or legacy data file at start, a
// disk that fills or a directory that cannot be written at runtime, and a writer killed with SIGKILL
// in the middle of its writes.
import { spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { esbuildVirtualModules } from '../scripts/virtual-modules.mjs';
import { createApp } from '../server/src/app.ts';
import { createTokenVerifier, sha256Hex } from '../server/src/domain/admin-token.ts';
import { type Logger, silentLogger } from '../server/src/domain/logger.ts';
import { JSON_DATA_FILE } from '../server/src/store/json-import.ts';
import { DATABASE_FILE, openNodeStore } from '../server/src/store/open-node-store.ts';
import { StoreOpenError } from '../server/src/store/store.ts';
import { killLeftovers, runUntilExit, startNodeServer } from './hardening-node-server.ts';
import { fillDisk, freeDisk, openStoreWithDriver } from './store-harness.ts';

const TOKEN = 'hardening-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const HOUR = 3_600_000;

const temps: string[] = [];
async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  killLeftovers();
  for (const dir of temps) {
    await chmod(dir, 0o755).catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
});

const messageBody = (text: string) =>
  JSON.stringify({
    // Longer than a database page, so that a full disk cannot take it into free space of a page.
    text: { ru: text, en: 'Planned maintenance. '.repeat(90) },
    bases: ['*'],
    displayUntil: new Date(Date.now() + HOUR).toISOString(),
    severity: 'outage',
  });

async function verifier() {
  return createTokenVerifier([{ label: 'ops', sha256: await sha256Hex(TOKEN) }]);
}

/** A data directory holding one active message, written by the store itself. */
async function dataDirWithMessage(text: string): Promise<string> {
  const dir = await tempDir('hardening-data-');
  const store = await openNodeStore({ dir, logger: silentLogger });
  const app = createApp({ store, verifyAdminToken: await verifier() });
  const created = await app.request('/api/admin/messages', {
    method: 'POST',
    headers: AUTH,
    body: messageBody(text),
  });
  expect(created.status).toBe(201);
  await store.close();
  return dir;
}

describe('a damaged or unreadable data file at start', () => {
  const damaged: [string, string | Uint8Array][] = [
    ['cut off mid-write', '{"format":1,"revision":7,"settingsVersion":2,"settings":{"defaultLang'],
    ['empty', ''],
    ['binary garbage', new Uint8Array([0x00, 0xff, 0xfe, 0x7b, 0x80, 0x0a, 0xc3])],
    ['a BOM and then garbage', '\uFEFF}{'],
    ['JSON of the wrong shape', '{"format":1,"revision":1,"messages":"none"}'],
    ['a JSON array', '[1,2,3]'],
    ['a newer format', '{"format":2,"revision":1}'],
  ];

  it.each(damaged)(
    'refuses a JSON data file of an earlier version that is %s, says why, keeps its bytes and creates nothing',
    async (_shape, content) => {
      const dir = await tempDir('hardening-damaged-');
      await writeFile(join(dir, JSON_DATA_FILE), content);
      const before = await readFile(join(dir, JSON_DATA_FILE));
      const opening = openNodeStore({ dir, logger: silentLogger });
      await expect(opening).rejects.toThrow(StoreOpenError);
      await expect(opening).rejects.toThrow(/startup-help\.json/);
      expect(await readFile(join(dir, JSON_DATA_FILE))).toEqual(before);
      expect(await readdir(dir)).toEqual([JSON_DATA_FILE]);
    },
  );

  it.each([
    ['garbage', Buffer.from('this is not a database, it is a note someone saved here\n'.repeat(200))],
    ['a cut-off database', Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(100, 0xff)])],
  ])(
    'refuses a database file that is %s, says why and how to fix it, and keeps its bytes',
    async (_shape, bytes) => {
      const dir = await tempDir('hardening-db-');
      await writeFile(join(dir, DATABASE_FILE), bytes);
      const { code, output } = await runUntilExit(dir, { env: { ADMIN_TOKEN: TOKEN } });
      expect(code).toBe(1);
      expect(output).toMatch(/startup-help\.db is damaged or is not a startup-help database/);
      expect(output).toMatch(/Restore it from a backup/);
      expect(output).not.toMatch(/listening/);
      expect(await readFile(join(dir, DATABASE_FILE))).toEqual(bytes);
    },
  );

  it('refuses to start when a directory stands where the database should be (fails even for root)', async () => {
    const dataDir = await tempDir('hardening-eisdir-');
    await mkdir(join(dataDir, DATABASE_FILE));
    await writeFile(join(dataDir, DATABASE_FILE, 'keep.txt'), 'untouched');
    const { code, output } = await runUntilExit(dataDir, { env: { ADMIN_TOKEN: TOKEN } });
    expect(code).toBe(1);
    expect(output).toMatch(
      /Cannot open the database .*startup-help\.db: a directory or another non-file stands there/,
    );
    expect(output).toMatch(/Move it away/);
    expect(output).not.toMatch(/listening/);
    expect(await readFile(join(dataDir, DATABASE_FILE, 'keep.txt'), 'utf8')).toBe('untouched');
  });

  it('refuses to start when the database cannot be read (permission denied), and keeps it', async () => {
    const dataDir = await dataDirWithMessage('Сообщение');
    const file = join(dataDir, DATABASE_FILE);
    const before = await readFile(file);
    await chmod(file, 0o000); // the service user cannot read it
    const { code, output } = await runUntilExit(dataDir, {
      env: { ADMIN_TOKEN: TOKEN },
      withoutPermissionOverride: true,
    });
    expect(code).toBe(1);
    expect(output).toMatch(/Cannot open the database .*startup-help\.db/);
    expect(output).not.toMatch(/listening/);
    await chmod(file, 0o600);
    expect(await readFile(file)).toEqual(before);
  });
});

describe('a disk that fails at runtime', () => {
  it('a full disk (SQLITE_FULL): startup-error keeps answering 200 with the last good data, every admin write gets 503', async () => {
    const temp = await openStoreWithDriver();
    temps.push(temp.dir);
    const errors: string[] = [];
    const logger: Logger = { ...silentLogger, error: (message) => errors.push(message) };
    const app = createApp({ store: temp.store, logger, verifyAdminToken: await verifier() });
    const admin = (method: string, path: string, body?: string, headers: Record<string, string> = {}) =>
      app.request(path, { method, headers: { ...AUTH, ...headers }, ...(body && { body }) });

    const created = await admin('POST', '/api/admin/messages', messageBody('Последнее сохранённое'));
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const etag = created.headers.get('etag') ?? '';
    const settings = await admin('GET', '/api/admin/settings');
    const settingsBody = (await settings.json()) as Record<string, unknown>;

    await fillDisk(temp.driver);
    const big = { ru: 'Правка '.repeat(280) };
    const writes = [
      await admin('POST', '/api/admin/messages', messageBody('Не сохранится')),
      await admin('PATCH', `/api/admin/messages/${id}`, JSON.stringify({ text: big }), { 'if-match': etag }),
      await admin('PUT', '/api/admin/settings', JSON.stringify({ ...settingsBody, helpText: big }), {
        'if-match': settings.headers.get('etag') ?? '',
      }),
    ];
    for (const response of writes) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBeTruthy();
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe('unavailable');
      expect(body.message).toMatch(
        /the disk holding .*startup-help\.db is full\. Nothing was changed; free some space/,
      );
    }
    // The console asks in its language and gets the same advice in it.
    const inLatvian = await admin('POST', '/api/admin/messages', messageBody('Nesaglabāsies'), {
      'accept-language': 'lv',
    });
    expect(inLatvian.status).toBe(503);
    expect(((await inLatvian.json()) as { message: string }).message).toMatch(
      /^Neizdevās piekļūt datubāzei: disks, kurā atrodas .*startup-help\.db, ir pilns\. Nekas netika mainīts;/,
    );
    expect(errors.length).toBeGreaterThanOrEqual(writes.length);

    for (const init of [{}, { method: 'POST', body: 'login failed' }, { method: 'HEAD' }]) {
      const answer = await app.request('/startup-error/buh', init);
      expect(answer.status).toBe(200);
      if (init.method !== 'HEAD') {
        expect(((await answer.json()) as { userMessage?: string }).userMessage).toBe('Последнее сохранённое');
      }
    }
    expect((await app.request('/api/status')).status).toBe(200);

    // The disk recovers: the next write goes through, nothing half-applied from before.
    await freeDisk(temp.driver);
    expect((await admin('POST', '/api/admin/messages', messageBody('После ремонта'))).status).toBe(201);
    const list = (await (await admin('GET', '/api/admin/messages')).json()) as {
      messages: { text: { ru: string } }[];
    };
    expect(list.messages.map((m) => m.text.ru).sort()).toEqual(
      ['Последнее сохранённое', 'После ремонта'].sort(),
    );
    const audit = (await (await admin('GET', '/api/admin/audit')).json()) as { entries: unknown[] };
    expect(audit.entries).toHaveLength(2);
    await temp.store.close();
  });

  it('a data directory the service may not write (real EACCES, real process): 200 with last good data, admin 503', async () => {
    const dataDir = await dataDirWithMessage('Работы идут');
    const file = join(dataDir, DATABASE_FILE);
    await chmod(dataDir, 0o555); // readable and listable by the service user, not writable
    await chmod(file, 0o444);
    const before = await readFile(file);
    const server = await startNodeServer(dataDir, {
      env: { ADMIN_TOKEN: TOKEN },
      withoutPermissionOverride: true,
    });
    expect(server.output()).toMatch(
      /cannot write .*startup-help\.db or its directory: answering from the data as it is/,
    );
    const answer = await fetch(`${server.url}/startup-error/any`, { method: 'POST', body: 'report' });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { userMessage?: string }).userMessage).toBe('Работы идут');

    const write = await fetch(`${server.url}/api/admin/messages`, {
      method: 'POST',
      headers: AUTH,
      body: messageBody('Не сохранится'),
    });
    expect(write.status).toBe(503);
    const body = (await write.json()) as { message: string };
    expect(body.message).toMatch(/may not write .*startup-help\.db or its directory/);
    expect(body.message).toMatch(/permissions of the data directory/);
    const inRussian = await fetch(`${server.url}/api/admin/messages`, {
      method: 'POST',
      headers: { ...AUTH, 'accept-language': 'ru-RU,ru;q=0.9' },
      body: messageBody('Не сохранится'),
    });
    expect(((await inRussian.json()) as { message: string }).message).toMatch(
      /^Не удалось обратиться к базе данных: службе нельзя записывать .*startup-help\.db или его папку\. Ничего не изменено; проверьте права на папку данных/,
    );

    const again = await fetch(`${server.url}/startup-error/any`);
    expect(((await again.json()) as { userMessage?: string }).userMessage).toBe('Работы идут');
    expect(await server.stop()).toBe(0);
    expect(await readFile(file)).toEqual(before);
    await chmod(dataDir, 0o755);
  });
});

// A writer that saves the settings again and again, printing each settingsVersion once it is durable.
const WRITER = `
import { openNodeStore } from ${JSON.stringify(join(import.meta.dirname, '..', 'server/src/store/open-node-store.ts'))};
const store = await openNodeStore({ dir: process.argv[2] });
const filler = 'Дежурный администратор: +7 (495) 123-45-67. '.repeat(40);
let version = (await store.getSettings()).version;
for (;;) {
  const next = version + 1;
  const result = await store.putSettings(
    { defaultLanguage: 'ru', timeZone: 'Europe/Moscow', helpText: { ru: 'write ' + next, en: filler }, bases: {} },
    version,
    { id: 'a' + next, at: new Date().toISOString(), actor: 'writer', action: 'settings.update', target: 'settings' },
  );
  if (result === 'conflict') throw new Error('conflict');
  version = result.version;
  process.stdout.write(version + '\\n');
}
`;

describe('a writer killed with SIGKILL', () => {
  it('50 kills in the middle of writing: the database always opens whole and holds the old or the new version', async () => {
    const dir = await tempDir('hardening-sigkill-');
    const dataDir = join(dir, 'data');
    const script = join(dir, 'writer.mjs');
    // Bundled once, so each of the 50 lives starts in a fraction of a second.
    await build({
      stdin: { contents: WRITER, resolveDir: dir, loader: 'ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: script,
      logLevel: 'silent',
      plugins: [esbuildVirtualModules()],
    });

    let acknowledged = 0;
    const outcomes = { old: 0, new: 0 };
    for (let life = 0; life < 50; life++) {
      const child = spawn(process.execPath, [script, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
      let pending = '';
      let firstWrite: () => void = () => {};
      const wrote = new Promise<void>((resolve) => {
        firstWrite = resolve;
      });
      child.stdout.on('data', (chunk: Buffer) => {
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop() ?? '';
        for (const line of lines) acknowledged = Math.max(acknowledged, Number(line));
        if (lines.length > 0) firstWrite();
      });
      await Promise.race([wrote, closed]);
      // Somewhere in the next writes: the kill lands before, during or after a write.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 25));
      child.kill('SIGKILL');
      await closed;
      expect(stderr).toBe('');

      // What another process opening the file now sees (the WAL of the killed writer included).
      const db = new DatabaseSync(join(dataDir, DATABASE_FILE));
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      const row = db.prepare('SELECT version, body FROM settings WHERE id = 1').get() as {
        version: number;
        body: string;
      };
      db.close();
      // Old = the last write the writer reported durable; new = the one it was in the middle of.
      expect([acknowledged, acknowledged + 1]).toContain(row.version);
      expect(JSON.parse(row.body).helpText.ru).toBe(`write ${row.version}`);
      outcomes[row.version === acknowledged ? 'old' : 'new']++;
      acknowledged = row.version;
    }
    // And the store itself opens it, and the audit trail matches the settings: one entry per version.
    const store = await openNodeStore({ dir: dataDir, logger: silentLogger });
    expect((await store.getSettings()).version).toBe(acknowledged);
    expect((await store.listAudit({ limit: 1000 })).entries).toHaveLength(acknowledged);
    await store.close();
    console.log(
      `hardening: 50 SIGKILLs during writes → database whole 50/50 (old version ${outcomes.old}, new version ${outcomes.new}), ${acknowledged} writes in all`,
    );
  }, 180_000);
});
