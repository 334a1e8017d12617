import { copyFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../../contract/message.ts';
import type { Logger } from '../domain/logger.ts';
import { JSON_DATA_FILE, type JsonDataFile } from './json-import.ts';
import { DATABASE_FILE, openNodeStore } from './open-node-store.ts';
import type { AuditEntry } from './store.ts';
import { StoreOpenError } from './store.ts';
import { sampleMessage, sampleSettings } from './store-contract-fixtures.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'json-import-'));
  dirs.push(dir);
  return dir;
}

function logCollector() {
  const lines: { message: string; fields?: Record<string, unknown> }[] = [];
  const logger: Logger = {
    info: (message, fields) => lines.push({ message, fields }),
    warn: () => {},
    error: () => {},
  };
  return { lines, logger };
}

const active = sampleMessage('active-buh', {
  bases: ['buh'],
  text: { ru: 'Идут плановые работы до {until}.', lv: 'Notiek plānoti darbi.' },
  displayUntil: '2099-01-01T00:00:00+03:00',
  version: 3,
});
const ended = sampleMessage('ended-all', { severity: 'outage', version: 1 });
const entry = (id: string, at: string, extra: Partial<AuditEntry>): AuditEntry => ({
  id,
  at,
  actor: 'ops',
  action: 'message.update',
  target: 'active-buh',
  ...extra,
});

/** A data file as the file store of earlier versions wrote it: whole documents in the audit, newest first. */
const legacy: JsonDataFile = {
  format: 1,
  revision: 9,
  settingsVersion: 4,
  settings: sampleSettings,
  messages: [active, ended],
  audit: [
    entry('a3', '2026-11-23T08:00:00.000Z', { before: { ...active, version: 2 }, after: active }),
    entry('a2', '2026-11-23T07:00:00.000Z', { action: 'message.create', target: 'ended-all', after: ended }),
    entry('a1', '2026-11-23T06:00:00.000Z', {
      action: 'settings.update',
      target: 'settings',
      after: sampleSettings,
    }),
  ],
};
const legacyText = `${JSON.stringify(legacy, null, 1)}\n`;

describe('importing the JSON data file of an earlier version', () => {
  it('imports settings, messages and the audit trail once, keeps the file renamed, and says so', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, JSON_DATA_FILE), legacyText);
    const { lines, logger } = logCollector();
    const store = await openNodeStore({ dir, logger });

    expect(await store.getSettings()).toEqual({ settings: sampleSettings, version: 4 });
    expect(await store.getMessage('active-buh')).toEqual(active);
    expect(((await store.listMessages()) as Message[]).map((m) => m.id).sort()).toEqual([
      'active-buh',
      'ended-all',
    ]);
    expect((await store.listAudit({ limit: 10 })).entries).toEqual(legacy.audit);
    expect((await store.loadSnapshot(Date.parse('2026-11-24T00:00:00Z'))).messages).toEqual([active]);
    await store.close();

    expect((await readdir(dir)).sort()).toEqual([DATABASE_FILE, `${JSON_DATA_FILE}.imported`]);
    expect(await readFile(join(dir, `${JSON_DATA_FILE}.imported`), 'utf8')).toBe(legacyText);
    const imported = lines.find((line) => line.message.startsWith('imported startup-help.json'));
    expect(imported?.message).toContain(`kept as ${join(dir, `${JSON_DATA_FILE}.imported`)}`);
    expect(imported?.fields).toEqual({ messages: 2, auditEntries: 3, settingsVersion: 4 });

    const again = await openNodeStore({ dir });
    expect(await again.listMessages()).toHaveLength(2);
    await again.close();
  });

  it('does not import twice when the rename did not happen (a crash right after the import)', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, JSON_DATA_FILE), legacyText);
    await (await openNodeStore({ dir })).close();
    await copyFile(join(dir, `${JSON_DATA_FILE}.imported`), join(dir, JSON_DATA_FILE));
    const store = await openNodeStore({ dir });
    expect(await store.listMessages()).toHaveLength(2);
    expect((await store.listAudit({ limit: 10 })).entries).toHaveLength(3);
    await store.close();
    const names = await readdir(dir);
    expect(names).not.toContain(JSON_DATA_FILE);
    expect(names.filter((name) => name.startsWith(`${JSON_DATA_FILE}.imported`))).toHaveLength(2);
  });

  it('imports once when two processes start on the same directory at the same time', async () => {
    const dir = await dataDir();
    await writeFile(join(dir, JSON_DATA_FILE), legacyText);
    const [a, b] = await Promise.all([openNodeStore({ dir }), openNodeStore({ dir })]);
    expect(await a.listMessages()).toHaveLength(2);
    expect((await b.listAudit({ limit: 10 })).entries).toHaveLength(3);
    await Promise.all([a.close(), b.close()]);
  });

  it('refuses a JSON file that was not imported into a database that already holds data, touching neither', async () => {
    const dir = await dataDir();
    const store = await openNodeStore({ dir });
    await store.createMessage(sampleMessage('newer'), {
      id: 'n1',
      at: '2026-11-25T09:00:00.000Z',
      actor: 'ops',
      action: 'message.create',
      target: 'newer',
    });
    await store.close();
    await writeFile(join(dir, JSON_DATA_FILE), legacyText);
    const refused = await openNodeStore({ dir }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(StoreOpenError);
    expect((refused as Error).message).toMatch(
      /holds both startup-help\.db with data in it and an older startup-help\.json/,
    );
    expect((refused as Error).message).toMatch(/move startup-help\.json out of the directory/);
    expect(await readFile(join(dir, JSON_DATA_FILE), 'utf8')).toBe(legacyText);
    const reopened = await openNodeStore({ dir: await dataDir(), file: join(dir, DATABASE_FILE) });
    expect((await reopened.listMessages()).map((m) => m.id)).toEqual(['newer']);
    await reopened.close();
  });
});
