import type { D1Database } from '@cloudflare/workers-types';
import type { Logger } from '../domain/logger.ts';
import { d1Driver } from './sql/d1-driver.ts';
import { createSqlStore } from './sql-store.ts';
import type { Store } from './store.ts';

/** The Store on Cloudflare D1; the schema comes from server/migrations via `wrangler d1 migrations apply`. */
export function createD1Store(db: D1Database, logger?: Logger): Store {
  return createSqlStore(d1Driver(db), logger ? { logger } : {});
}
