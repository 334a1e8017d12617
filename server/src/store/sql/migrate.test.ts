import { MIGRATIONS } from 'startup-help:migrations';
import { describe, expect, it } from 'vitest';
import { createSqlStore } from '../sql-store.ts';
import { StoreOpenError } from '../store.ts';
import { sampleMessage } from '../store-contract-fixtures.ts';
import { applyMigrations, splitStatements } from './migrate.ts';
import { openNodeSqliteDriver } from './node-sqlite-driver.ts';
import { sql } from './sql-driver.ts';

describe('splitStatements', () => {
  it('splits at a semicolon that ends a line and drops whole-line comments', () => {
    const script =
      '-- a table\nCREATE TABLE t (\n  a TEXT -- kept: not a whole line\n);\n\n-- rows\nINSERT INTO t VALUES (1);\nSELECT 1';
    expect(splitStatements(script)).toEqual([
      'CREATE TABLE t (\n  a TEXT -- kept: not a whole line\n)',
      'INSERT INTO t VALUES (1)',
      'SELECT 1',
    ]);
  });
});

describe('applyMigrations', () => {
  it('upgrades a database written by the first schema without losing a message or an audit entry', async () => {
    const driver = await openNodeSqliteDriver({ file: ':memory:' });
    const [first, ...rest] = MIGRATIONS;
    if (!first) throw new Error('no migrations found');
    expect(await applyMigrations(driver, [first])).toEqual(['0001_init.sql']);
    // As the first D1 store wrote them: JSON bodies, a version column, whole documents in the audit.
    const message = sampleMessage('m1', { startsAt: '2026-11-23T10:00:00.250+03:00', version: 4 });
    await driver.batch(
      [
        sql('INSERT INTO messages (id, version, body) VALUES (?, ?, ?)', 'm1', 4, JSON.stringify(message)),
        sql(
          'INSERT INTO audit (id, at, actor, action, target, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
          'a1',
          '2026-11-23T06:00:00.000Z',
          'ops',
          'message.create',
          'm1',
          null,
          JSON.stringify(message),
        ),
        sql(
          'UPDATE settings SET version = 2, body = ? WHERE id = 1',
          JSON.stringify({ defaultLanguage: 'lv', timeZone: 'Europe/Riga', bases: {} }),
        ),
      ],
      'write',
    );

    expect(await applyMigrations(driver, [first, ...rest])).toEqual([
      '0002_sql_store.sql',
      '0003_automation.sql',
    ]);
    const [row] =
      (await driver.batch([sql('SELECT starts_at_ms, display_until_ms FROM messages')], 'read'))[0]?.rows ??
      [];
    expect(row).toEqual({
      starts_at_ms: Date.parse(message.startsAt),
      display_until_ms: Date.parse(message.displayUntil),
    });
    const store = createSqlStore(driver);
    expect(await store.getMessage('m1')).toEqual(message);
    expect(await store.getSettings()).toEqual({
      settings: { defaultLanguage: 'lv', timeZone: 'Europe/Riga', bases: {} },
      version: 2,
    });
    expect((await store.listAudit({ limit: 10 })).entries).toEqual([
      {
        id: 'a1',
        at: '2026-11-23T06:00:00.000Z',
        actor: 'ops',
        action: 'message.create',
        target: 'm1',
        after: message,
      },
    ]);
    expect(
      (
        await store.listEndedMessages({
          endedBy: Date.parse('2026-11-24T00:00:00Z'),
          endedAfter: 0,
          limit: 5,
        })
      ).messages,
    ).toEqual([message]);
    expect(await applyMigrations(driver, [first, ...rest])).toEqual([]);
    await store.close();
  });

  it('names the migration that failed and applies none of it', async () => {
    const driver = await openNodeSqliteDriver({ file: ':memory:' });
    const broken = {
      name: '0099_broken.sql',
      sql: 'CREATE TABLE fine (a TEXT);\nALTER TABLE missing ADD COLUMN b TEXT;',
    };
    const error = await applyMigrations(driver, [broken]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toMatch(
      /0099_broken\.sql: .*no such table: missing.*Nothing of it was applied/,
    );
    const [tables] = await driver.batch([sql("SELECT name FROM sqlite_master WHERE name = 'fine'")], 'read');
    expect(tables?.rows).toEqual([]);
    await driver.close();
  });
});
