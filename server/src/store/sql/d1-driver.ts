import type { D1Database } from '@cloudflare/workers-types';
import { StoreUnavailableError } from '../store.ts';
import type { SqlDriver, SqlRow } from './sql-driver.ts';

/**
 * D1 as an SqlDriver: a batch is D1's own `batch` (one transaction). D1 decides durability itself,
 * so the batch mode makes no difference here.
 */
export function d1Driver(db: D1Database): SqlDriver {
  return {
    async batch(statements) {
      try {
        const results = await db.batch<SqlRow>(
          statements.map(({ sql, params }) => db.prepare(sql).bind(...(params ?? []))),
        );
        return results.map((result) => ({ rows: result.results ?? [], changes: result.meta?.changes ?? 0 }));
      } catch (error) {
        const detail = error instanceof Error ? error.message : String(error);
        throw new StoreUnavailableError(
          `The D1 database failed: ${detail}. Check that the DB binding points at the database and that its migrations are applied (npx wrangler d1 migrations apply DB --remote).`,
          { cause: error },
        );
      }
    },
    // The binding belongs to the runtime; there is nothing to release.
    close: async () => {},
  };
}
