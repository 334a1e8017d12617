// The Worker keeps its code small and serves its built, code-free files (the console's page, script
// and style; the proxy's client-sw kit; the OpenAPI document and the message templates; the offline
// page's script and style, which its pages inline) from its static assets. A Worker uploaded without them says what is missing and what to run, and
// still answers 1C clients.
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { D1Database } from '@cloudflare/workers-types';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledOfflinePageAssets } from '../client-sw/src/offline-page/bundled-page-assets.ts';
import { MESSAGE_TEMPLATES } from '../server/src/domain/templates/message-templates.ts';
import { rawRequest } from './proxy-http-client.ts';
import { applyMigrations, COMPATIBILITY_DATE, WORKER_ASSETS } from './worker-harness.ts';

const DIST = join(import.meta.dirname, '..', 'dist');
/** The project's target for the Worker bundle, as `npm run build:worker` and `bench:status` measure it. */
const MAX_GZIPPED_BYTES = 100 * 1024;

describe('dist/worker/worker.mjs', () => {
  it(`is at most ${MAX_GZIPPED_BYTES / 1024} KB gzipped (level 9)`, async () => {
    const gzipped = gzipSync(await readFile(join(DIST, 'worker', 'worker.mjs')), { level: 9 }).length;
    expect(gzipped).toBeLessThanOrEqual(MAX_GZIPPED_BYTES);
  });

  it("carries neither the console, the kit, the OpenAPI document, the message templates nor the offline page's script and style: their files are beside it, in dist/worker-assets/", async () => {
    const bundle = await readFile(join(DIST, 'worker', 'worker.mjs'), 'utf8');
    for (const file of [
      'api/openapi.json',
      'api/templates.json',
      'admin/console.js',
      'admin/console.html',
      'client-sw/sw.js',
      'client-sw/register-sw.js',
      'inline/offline-page.js',
      'inline/offline-page.css',
      'inline/status-page.js',
      'inline/status-page.css',
      'inline/thin-client-dialog.css',
    ]) {
      const text = await readFile(join(DIST, 'worker-assets', file), 'utf8');
      // A stretch from the middle of each file: minified code is unique enough at this length.
      const middle = text.slice(Math.floor(text.length / 2), Math.floor(text.length / 2) + 200);
      expect(bundle.includes(middle), file).toBe(false);
    }
    // api/templates.json is JSON; the bundle would hold its texts as string literals.
    for (const template of MESSAGE_TEMPLATES) expect(bundle).not.toContain(template.text.ru.main);
  });
});

describe('dist/worker/worker.mjs with its static assets', () => {
  const bundled = bundledOfflinePageAssets();
  const started: Miniflare[] = [];
  let withoutScript: string;
  let full: string;

  /** The bundle with `assets` (undefined: no ASSETS binding), answering plain HTTP at the returned origin. */
  async function start(assets: typeof WORKER_ASSETS | undefined): Promise<string> {
    const mf = new Miniflare({
      modules: true,
      scriptPath: join(DIST, 'worker', 'worker.mjs'),
      compatibilityDate: COMPATIBILITY_DATE,
      ...(assets && { assets }),
      d1Databases: ['DB'],
      bindings: { ADMIN_TOKEN: 'worker-admin-token-0123456789' },
    });
    started.push(mf);
    await applyMigrations((await mf.getD1Database('DB')) as unknown as D1Database);
    return (await mf.ready).origin;
  }

  // rawRequest: Node's fetch would say `Sec-Fetch-Mode: cors`, and only a page load gets the page.
  const friendlyPage = (origin: string) =>
    rawRequest(`${origin}/friendly/buh?status=502`, {
      headers: { 'sec-fetch-mode': 'navigate', 'accept-language': 'en' },
    });

  beforeAll(async () => {
    withoutScript = await mkdtemp(join(tmpdir(), 'worker-assets-'));
    await cp(WORKER_ASSETS.directory, withoutScript, { recursive: true });
    await rm(join(withoutScript, 'inline', 'offline-page.js'));
    full = await start(WORKER_ASSETS);
  });

  afterAll(async () => {
    await Promise.all(started.map((mf) => mf.dispose()));
    await rm(withoutScript, { recursive: true, force: true });
  });

  it('the friendly page inlines the very bytes the Node bundle does, allowed by their hashes', async () => {
    const response = await friendlyPage(full);
    expect(response.status).toBe(503);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`script-src ${bundled.scriptHash};`);
    expect(csp).toContain(`style-src ${bundled.styleHash};`);
    const html = await response.text();
    expect(html).toContain(`<style>${bundled.style}</style>`);
    expect(html).toContain(`<script>${bundled.script}</script>`);
  });

  it('without them the pages still say everything, unscripted and unstyled', async () => {
    const noBinding = await start(undefined);
    const status = await rawRequest(`${noBinding}/status?lang=en`);
    expect(status.status).toBe(200);
    const html = await status.text();
    expect(html).toContain('<style></style>');
    expect(html).toContain('1C status');
    for (const origin of [await start({ ...WORKER_ASSETS, directory: withoutScript }), noBinding]) {
      const response = await friendlyPage(origin);
      expect(response.status).toBe(503);
      const html = await response.text();
      expect(html).toContain('Server error (HTTP 502)');
      expect(html).toContain('<script></script>');
      expect(html).not.toContain(bundled.script);
      // The hash of the empty script the page now has: nothing else may run.
      expect(response.headers.get('content-security-policy')).toContain(
        "script-src 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
      );
    }
  });
});

describe('dist/worker/worker.mjs without its static assets', () => {
  let mf: Miniflare;
  let partialAssets: string;

  beforeAll(async () => {
    // Uploaded from an assets folder that lacks the console's script (say, copied by hand).
    partialAssets = await mkdtemp(join(tmpdir(), 'worker-assets-'));
    await cp(WORKER_ASSETS.directory, partialAssets, { recursive: true });
    await rm(join(partialAssets, 'admin', 'console.js'));
    const worker = (name: string, assets: typeof WORKER_ASSETS | undefined) => ({
      name,
      modules: true,
      scriptPath: join(DIST, 'worker', 'worker.mjs'),
      compatibilityDate: COMPATIBILITY_DATE,
      ...(assets && { assets }),
      d1Databases: { DB: `db-${name}` },
      // Proxy mode on: the kit's files are served in each base's folder.
      bindings: { ADMIN_TOKEN: 'worker-admin-token-0123456789', UPSTREAM_URL: 'http://127.0.0.1:9' },
    });
    mf = new Miniflare({
      workers: [
        worker('no-binding', undefined),
        worker('partial', { ...WORKER_ASSETS, directory: partialAssets }),
      ],
    });
    for (const name of ['no-binding', 'partial']) {
      await applyMigrations((await mf.getD1Database('DB', name)) as unknown as D1Database);
    }
  });

  afterAll(async () => {
    await mf?.dispose();
    await rm(partialAssets, { recursive: true, force: true });
  });

  const request = async (name: string, path: string) =>
    (await mf.getWorker(name)).fetch(`http://startup-help.test${path}`);

  it('without the ASSETS binding: 503 naming the missing file, the binding and the command', async () => {
    for (const [path, words] of [
      ['/admin', "The admin console's console.html"],
      ['/admin/console.js', "The admin console's console.js"],
      ['/admin/console.css', "The admin console's console.css"],
      ['/buh/sw.js', "The client-sw kit's sw.js"],
      ['/buh/register-sw.js', "The client-sw kit's register-sw.js"],
      ['/buh/offline.html', "The client-sw kit's offline.html"],
      ['/openapi.json', 'The OpenAPI document openapi.json'],
    ] as const) {
      const response = await request('no-binding', path);
      expect(response.status, path).toBe(503);
      expect(response.headers.get('cache-control'), path).toBe('no-store');
      const body = (await response.json()) as { error: string; message: string };
      expect(body.error).toBe('unavailable');
      expect(body.message).toContain(words);
      expect(body.message).toContain('no ASSETS binding');
      expect(body.message).toContain('[assets] section');
      expect(body.message).toContain('npm run deploy');
    }
  });

  it('with a file missing from the assets: 503 for that file only, the rest served', async () => {
    const script = await request('partial', '/admin/console.js');
    expect(script.status).toBe(503);
    expect(((await script.json()) as { message: string }).message).toBe(
      `The admin console's console.js is not among this Worker's static assets. Run "npm run deploy": it builds dist/worker/worker.mjs with dist/worker-assets/ and uploads both.`,
    );
    const style = await request('partial', '/admin/console.css');
    expect(style.status).toBe(200);
    expect(await style.text()).toBe(await readFile(join(partialAssets, 'admin', 'console.css'), 'utf8'));
    expect((await request('partial', '/admin')).status).toBe(200);
    expect((await request('partial', '/buh/sw.js')).status).toBe(200);
    const openapi = await request('partial', '/openapi.json');
    expect(openapi.status).toBe(200);
    expect(await openapi.text()).toBe(await readFile(join(partialAssets, 'api', 'openapi.json'), 'utf8'));
  });

  it('still answers 1C clients and the kit config, which need no assets', async () => {
    for (const name of ['no-binding', 'partial']) {
      const answer = await request(name, '/startup-error/buh');
      expect(answer.status).toBe(200);
      expect(await answer.json()).toEqual({});
      const config = await request(name, '/buh/startup-help.config.json');
      expect(config.status).toBe(200);
      expect(((await config.json()) as { statusURL: string }).statusURL).toBe(
        'http://startup-help.test/startup-error/buh',
      );
    }
  });
});
