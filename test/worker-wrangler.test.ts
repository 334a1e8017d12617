import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MIGRATIONS } from 'startup-help:migrations';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unstable_getMiniflareWorkerOptions } from 'wrangler';
import { applyMigrations as runMigrations } from '../server/src/store/sql/migrate.ts';
import { openNodeSqliteDriver } from '../server/src/store/sql/node-sqlite-driver.ts';
import { COMPATIBILITY_DATE, WORKER_ASSETS } from './worker-harness.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..');
const ADMIN_TOKEN = 'worker-admin-token-0123456789';

// The deployment path of the README, offline: wrangler itself applies server/migrations and checks
// wrangler.toml + dist/worker/worker.mjs; the Worker then serves from the database wrangler migrated.
describe('wrangler.toml with wrangler', () => {
  let dir: string;

  const wrangler = (...args: string[]) =>
    run(process.execPath, [join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js'), ...args], {
      cwd: dir,
      env: {
        ...process.env,
        CI: '1',
        WRANGLER_HIDE_BANNER: 'true',
        WRANGLER_SEND_METRICS: 'false',
        WRANGLER_LOG_PATH: join(dir, 'logs'),
      },
    });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'worker-wrangler-'));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('deploys dist/worker/worker.mjs as built (dry run), with its static assets, the D1 binding and the vars', async () => {
    const out = join(dir, 'out');
    const { stdout } = await wrangler(
      'deploy',
      '--dry-run',
      '--outdir',
      out,
      '--config',
      join(root, 'wrangler.toml'),
    );
    expect(stdout).toContain('env.DB');
    expect(stdout).toContain('env.ASSETS');
    expect(stdout).toContain(`from the assets directory ${join(root, 'dist', 'worker-assets')}`);
    expect(stdout).toContain('env.REPORT_WEBHOOK_URL');
    expect(await readFile(join(out, 'worker.mjs'))).toEqual(
      await readFile(join(root, 'dist', 'worker', 'worker.mjs')),
    );
    // Nothing else goes up as a module: no page of the kit or the console beside the bundle.
    expect(stdout).not.toContain('additional modules');
    expect((await readdir(out)).filter((name) => name !== 'README.md')).toEqual(['worker.mjs']);
  });

  it('gives miniflare the [assets] of wrangler.toml exactly as the Worker tests do', () => {
    const { workerOptions } = unstable_getMiniflareWorkerOptions(join(root, 'wrangler.toml'));
    expect(workerOptions.assets).toEqual(WORKER_ASSETS);
  });

  it('applies the migrations with `wrangler d1 migrations apply`, and the Worker serves from them', async () => {
    const config = join(root, 'wrangler.toml');
    const persist = join(dir, 'state');
    const { stdout } = await wrangler(
      'd1',
      'migrations',
      'apply',
      'DB',
      '--local',
      '--persist-to',
      persist,
      '--config',
      config,
    );
    expect(stdout).toMatch(/0001_init\.sql\s*│\s*✅/);
    expect(stdout).toMatch(/0002_sql_store\.sql\s*│\s*✅/);
    expect(stdout).toMatch(/0003_automation\.sql\s*│\s*✅/);

    // The Node store's runner reads wrangler's d1_migrations the same way: nothing left to apply.
    const d1Dir = join(persist, 'v3', 'd1', 'miniflare-D1DatabaseObject');
    const [sqliteFile] = (await readdir(d1Dir)).filter(
      (name) => name.endsWith('.sqlite') && name !== 'metadata.sqlite',
    );
    const driver = await openNodeSqliteDriver({ file: join(d1Dir, sqliteFile ?? '') });
    try {
      expect(await runMigrations(driver, MIGRATIONS)).toEqual([]);
      const [listed] = await driver.batch([{ sql: 'SELECT name FROM d1_migrations ORDER BY id' }], 'read');
      expect(listed?.rows.map((row) => row.name)).toEqual([
        '0001_init.sql',
        '0002_sql_store.sql',
        '0003_automation.sql',
      ]);
    } finally {
      await driver.close();
    }

    const databaseId = /database_id\s*=\s*"([^"]+)"/.exec(await readFile(config, 'utf8'))?.[1];
    const mf = new Miniflare({
      modules: true,
      scriptPath: join(root, 'dist', 'worker', 'worker.mjs'),
      compatibilityDate: COMPATIBILITY_DATE,
      assets: WORKER_ASSETS,
      d1Databases: { DB: databaseId ?? '' },
      d1Persist: join(persist, 'v3', 'd1'),
      bindings: { ADMIN_TOKEN },
    });
    try {
      const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
      const current = await mf.dispatchFetch('http://startup-help.test/api/admin/settings', {
        headers: auth,
      });
      expect(current.status).toBe(200);
      const put = await mf.dispatchFetch('http://startup-help.test/api/admin/settings', {
        method: 'PUT',
        headers: {
          ...auth,
          'content-type': 'application/json',
          'if-match': current.headers.get('etag') ?? '',
        },
        body: JSON.stringify({
          defaultLanguage: 'ru',
          timeZone: 'Europe/Moscow',
          helpText: { ru: 'Дежурный администратор: +7 (495) 123-45-67' },
          bases: { buh: { name: 'Бухгалтерия' } },
        }),
      });
      expect(put.status, await put.clone().text()).toBe(200);
      const answer = await mf.dispatchFetch('http://startup-help.test/startup-error/buh');
      expect(await answer.json()).toEqual({ helpText: 'Дежурный администратор: +7 (495) 123-45-67' });
    } finally {
      await mf.dispose();
    }
  });
});
