import type { D1Database, D1PreparedStatement } from '@cloudflare/workers-types';
import type { Message } from '../../../contract/message.ts';
import { DEFAULT_SETTINGS, type Settings } from '../../../contract/settings.ts';
import {
  type AuditEntry,
  type Snapshot,
  type Store,
  StoreUnavailableError,
  type WriteResult,
} from './store.ts';

interface Row {
  kind: 'settings' | 'message';
  version: number;
  body: string | null;
}

interface AuditRow {
  id: string;
  at: string;
  actor: string;
  action: AuditEntry['action'];
  target: string;
  before: string | null;
  after: string | null;
}

// One statement, so the hot path costs a single D1 read.
const LOAD_SQL = `SELECT 'settings' AS kind, version, body FROM settings WHERE id = 1
UNION ALL SELECT 'message' AS kind, version, body FROM messages`;

const INSERT_AUDIT = `INSERT INTO audit (id, at, actor, action, target, before, after)`;

/**
 * The Store on Cloudflare D1 (schema in server/migrations). Rows hold the JSON the admin API already
 * validated. A conditional write is a batch (one transaction): the audit row is inserted only when
 * the version still matches, then the row is changed `WHERE version = ?`; `meta.changes` tells
 * whether this writer won.
 */
export function createD1Store(db: D1Database): Store {
  async function run<T>(what: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new StoreUnavailableError(
        `The D1 database failed while ${what}: ${detail}. Check that the DB binding points at the database and that its migrations are applied (npx wrangler d1 migrations apply DB --remote).`,
        { cause: error },
      );
    }
  }

  function auditInsert(entry: AuditEntry, guard: string, ...guardValues: unknown[]): D1PreparedStatement {
    return db
      .prepare(`${INSERT_AUDIT} SELECT ?, ?, ?, ?, ?, ?, ? ${guard}`)
      .bind(
        entry.id,
        entry.at,
        entry.actor,
        entry.action,
        entry.target,
        toJson(entry.before),
        toJson(entry.after),
        ...guardValues,
      );
  }

  async function messageWrite(
    id: string,
    change: D1PreparedStatement,
    expectedVersion: number,
    entry: AuditEntry,
  ): Promise<WriteResult> {
    const guard = 'WHERE EXISTS (SELECT 1 FROM messages WHERE id = ? AND version = ?)';
    const [, changed] = await db.batch([auditInsert(entry, guard, id, expectedVersion), change]);
    if (changed?.meta.changes === 1) return 'ok';
    const exists = await db.prepare('SELECT 1 AS found FROM messages WHERE id = ?').bind(id).first();
    return exists ? 'conflict' : 'not-found';
  }

  return {
    load: () =>
      run('loading the settings and messages', async () => {
        const { results } = await db.prepare(LOAD_SQL).all<Row>();
        const snapshot: Snapshot = { settings: DEFAULT_SETTINGS, settingsVersion: 0, messages: [] };
        for (const row of results) {
          if (row.kind === 'settings') {
            snapshot.settingsVersion = row.version;
            if (row.body !== null) snapshot.settings = JSON.parse(row.body) as Settings;
          } else if (row.body !== null) {
            snapshot.messages.push({ ...(JSON.parse(row.body) as Message), version: row.version });
          }
        }
        return snapshot;
      }),

    createMessage: (message, entry) =>
      run('saving a new message', async () => {
        await db.batch([
          db
            .prepare('INSERT INTO messages (id, version, body) VALUES (?, ?, ?)')
            .bind(message.id, message.version, JSON.stringify(message)),
          auditInsert(entry, ''),
        ]);
      }),

    updateMessage: (next, expectedVersion, entry) =>
      run('saving a message', () =>
        messageWrite(
          next.id,
          db
            .prepare('UPDATE messages SET version = ?, body = ? WHERE id = ? AND version = ?')
            .bind(next.version, JSON.stringify(next), next.id, expectedVersion),
          expectedVersion,
          entry,
        ),
      ),

    deleteMessage: (id, expectedVersion, entry) =>
      run('deleting a message', () =>
        messageWrite(
          id,
          db.prepare('DELETE FROM messages WHERE id = ? AND version = ?').bind(id, expectedVersion),
          expectedVersion,
          entry,
        ),
      ),

    putSettings: (settings, expectedVersion, entry) =>
      run('saving the settings', async () => {
        const body = JSON.stringify(settings);
        const statements =
          expectedVersion === undefined
            ? [
                auditInsert(entry, ''),
                db
                  .prepare(
                    `INSERT INTO settings (id, version, body) VALUES (1, 1, ?)
                     ON CONFLICT (id) DO UPDATE SET version = settings.version + 1, body = excluded.body
                     RETURNING version`,
                  )
                  .bind(body),
              ]
            : [
                auditInsert(
                  entry,
                  'WHERE EXISTS (SELECT 1 FROM settings WHERE id = 1 AND version = ?)',
                  expectedVersion,
                ),
                db
                  .prepare(
                    'UPDATE settings SET version = version + 1, body = ? WHERE id = 1 AND version = ? RETURNING version',
                  )
                  .bind(body, expectedVersion),
              ];
        const [, changed] = await db.batch<{ version: number }>(statements);
        const row = changed?.results[0];
        return row ? { version: row.version } : 'conflict';
      }),

    listAudit: (limit) =>
      run('reading the audit log', async () => {
        const { results } = await db
          .prepare('SELECT id, at, actor, action, target, before, after FROM audit ORDER BY seq DESC LIMIT ?')
          .bind(limit)
          .all<AuditRow>();
        return results.map(({ before, after, ...rest }) => ({
          ...rest,
          ...(before === null ? {} : { before: JSON.parse(before) as unknown }),
          ...(after === null ? {} : { after: JSON.parse(after) as unknown }),
        }));
      }),

    // The binding belongs to the runtime; there is nothing to release.
    close: async () => {},
  };
}

function toJson(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(value);
}
