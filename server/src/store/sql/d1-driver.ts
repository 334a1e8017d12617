import type { D1Database } from '@cloudflare/workers-types';
import { storeProblemWords } from '../../domain/store-problem-words.ts';
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
        const problem = { reason: 'd1', detail } as const;
        throw new StoreUnavailableError(storeProblemWords(problem, 'en'), { cause: error, problem });
      }
    },
    // The binding belongs to the runtime; there is nothing to release.
    close: async () => {},
  };
}
