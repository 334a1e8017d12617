import type { AutomationAudit } from '../domain/automation-store.ts';
import { auditRowPrologue, createAutomationSqlStore } from './automation-sql-store.ts';
import { openMigratedSqlite } from './automation-sqlite.ts';
import { defineAutomationStoreContract } from './automation-store-contract.ts';

defineAutomationStoreContract('node:sqlite', async () => {
  const { db, driver } = await openMigratedSqlite(':memory:');
  const store = createAutomationSqlStore(driver, auditRowPrologue);
  return {
    store,
    audit: async () =>
      db
        .prepare('SELECT id, at, actor, action, target FROM audit ORDER BY seq')
        .all() as unknown as AutomationAudit[],
    cleanup: () => driver.close(),
  };
});
