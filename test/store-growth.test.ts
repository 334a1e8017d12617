// Growth: what a write costs and what the audit log holds must not grow with the history. (The JSON
// file store rewrote and fsynced the whole file per write, and kept 5,000 audit entries with both
// whole documents: 100 PATCHes of a 240 KB message made a 49 MB file and a 48 MB audit answer.)
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../contract/message.ts';
import { DEFAULT_SETTINGS } from '../contract/settings.ts';
import { createApp } from '../server/src/app.ts';
import { createTokenVerifier, sha256Hex } from '../server/src/domain/admin-token.ts';
import { importStatements } from '../server/src/store/json-import.ts';
import { DATABASE_FILE } from '../server/src/store/open-node-store.ts';
import type { SqlDriver } from '../server/src/store/sql/sql-driver.ts';
import { createSqlStore } from '../server/src/store/sql-store.ts';
import { openStoreWithDriver, openTempStore } from './store-harness.ts';

const TOKEN = 'growth-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
const NOW = Date.parse('2026-11-23T06:00:00Z');
const HOUR = 3_600_000;

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

/** Counts what reaches the database: statements run and rows returned. */
function counting(driver: SqlDriver) {
  const count = { statements: 0, rows: 0 };
  const wrapped: SqlDriver = {
    batch: async (statements, mode) => {
      const results = await driver.batch(statements, mode);
      count.statements += statements.length;
      for (const result of results) count.rows += result.rows.length;
      return results;
    },
    close: () => driver.close(),
  };
  return { wrapped, count };
}

function history(n: number): {
  messages: Message[];
  audit: {
    id: string;
    at: string;
    actor: string;
    action: 'message.create';
    target: string;
    after: Message;
  }[];
} {
  const messages = Array.from({ length: n }, (_, i): Message => {
    const end = NOW - (i + 1) * HOUR;
    return {
      id: `old-${i}`,
      text: { ru: `Работы номер ${i} завершены.`, en: `Maintenance ${i} is over.` },
      bases: i % 2 ? ['*'] : [`base${i % 50}`],
      startsAt: new Date(end - HOUR).toISOString(),
      displayUntil: new Date(end).toISOString(),
      severity: 'maintenance',
      createdAt: new Date(end - 2 * HOUR).toISOString(),
      updatedAt: new Date(end - 2 * HOUR).toISOString(),
      createdBy: 'ops',
      version: 1,
    };
  });
  const audit = messages.map((m) => ({
    id: `a-${m.id}`,
    at: m.createdAt,
    actor: 'ops',
    action: 'message.create' as const,
    target: m.id,
    after: m,
  }));
  return { messages, audit: audit.reverse() };
}

/** What one POST /api/admin/messages costs in statements and rows, with `stored` ended messages and audit entries. */
async function costOfAPost(stored: number) {
  const temp = await openStoreWithDriver();
  cleanups.push(temp.cleanup);
  if (stored > 0) {
    const { messages, audit } = history(stored);
    const data = {
      format: 1 as const,
      revision: 1,
      settingsVersion: 0,
      settings: DEFAULT_SETTINGS,
      messages,
      audit,
    };
    await temp.driver.batch(importStatements(data, 'seed'), 'write');
  }
  const { wrapped, count } = counting(temp.driver);
  const app = createApp({
    store: createSqlStore(wrapped),
    verifyAdminToken: createTokenVerifier([{ label: 'ops', sha256: await sha256Hex(TOKEN) }]),
    now: () => NOW,
  });
  const post = (n: number) =>
    app.request('/api/admin/messages', {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({
        text: { ru: `Новое сообщение ${n}` },
        bases: ['buh'],
        displayUntil: new Date(NOW + HOUR).toISOString(),
        severity: 'outage',
      }),
    });
  expect((await post(0)).status).toBe(201); // the first one loads the snapshot
  const before = { ...count };
  expect((await post(1)).status).toBe(201);
  return { statements: count.statements - before.statements, rows: count.rows - before.rows };
}

describe('the cost of a write', () => {
  it('is the same with 2,000 ended messages and 2,000 audit entries as with none (statements run, rows read)', async () => {
    const empty = await costOfAPost(0);
    const full = await costOfAPost(2000);
    expect(full).toEqual(empty);
    expect(full.rows).toBeLessThan(10);
  });
});

describe('the audit log of 100 PATCHes of a 240 KB message', () => {
  it('keeps the changed fields only: the database stays small and the audit answer comes a page at a time', async () => {
    const temp = await openTempStore();
    cleanups.push(temp.cleanup);
    const app = createApp({
      store: temp.store,
      verifyAdminToken: createTokenVerifier([{ label: 'ops', sha256: await sha256Hex(TOKEN) }]),
    });
    // 60 languages × 2,000 Cyrillic characters: 240 KB of text.
    const text = Object.fromEntries(
      Array.from({ length: 60 }, (_, i) => [`ru-${100 + i}`, 'я'.repeat(2000)]),
    );
    const created = await app.request('/api/admin/messages', {
      method: 'POST',
      headers: AUTH,
      body: JSON.stringify({
        text,
        bases: ['*'],
        displayUntil: new Date(Date.now() + 24 * HOUR).toISOString(),
        severity: 'maintenance',
      }),
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    let etag = created.headers.get('etag') ?? '';
    for (let n = 0; n < 100; n++) {
      const patched = await app.request(`/api/admin/messages/${id}`, {
        method: 'PATCH',
        headers: { ...AUTH, 'if-match': etag },
        body: JSON.stringify({ severity: n % 2 ? 'maintenance' : 'outage' }),
      });
      expect(patched.status).toBe(200);
      etag = patched.headers.get('etag') ?? '';
    }

    const firstPage = await app.request('/api/admin/audit', { headers: AUTH });
    const firstText = await firstPage.text();
    const first = JSON.parse(firstText) as {
      entries: { action: string; before?: object; after?: object }[];
      next?: string;
    };
    expect(first.entries).toHaveLength(100);
    expect(first.entries.every((e) => e.action === 'message.update')).toBe(true);
    expect(Object.keys(first.entries[0]?.after ?? {}).sort()).toEqual(['severity', 'updatedAt', 'version']);
    expect(new TextEncoder().encode(firstText).length).toBeLessThan(100_000);
    expect(firstPage.headers.get('link')).toBe(
      `</api/admin/audit?limit=100&before=${first.next}>; rel="next"`,
    );

    const rest = (await (
      await app.request(`/api/admin/audit?before=${first.next}`, { headers: AUTH })
    ).json()) as {
      entries: { action: string }[];
      next?: string;
    };
    expect(rest.entries.map((e) => e.action)).toEqual(['message.create']);
    expect(rest.next).toBeUndefined();

    const { size } = await stat(join(temp.dir, DATABASE_FILE));
    const wal = await stat(join(temp.dir, `${DATABASE_FILE}-wal`)).then(
      (s) => s.size,
      () => 0,
    );
    // One copy of the text in the message, one in the create entry: about 0.5 MB, not 49 MB.
    expect(size).toBeLessThan(2_000_000);
    expect(wal).toBeLessThan(8_000_000);
  });
});
