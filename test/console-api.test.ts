import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONSOLE_SCRIPT } from 'startup-help:console-assets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MessageLintWarning } from '../contract/lint-warning.ts';
import * as z from '../contract/zod.ts';
import { createApp } from '../server/src/app.ts';
import { createTokenVerifier, sha256Hex } from '../server/src/domain/admin-token.ts';
import { silentLogger } from '../server/src/domain/logger.ts';
import { bundledInlineAssets } from '../server/src/routes/bundled-inline-assets.ts';
import { bundledConsoleFiles } from '../server/src/routes/console/bundled-console-files.ts';
import { openNodeStore } from '../server/src/store/open-node-store.ts';
import { ADMIN_TOKEN, TEST_SETTINGS } from './console-harness.ts';
import { startWorker } from './worker-harness.ts';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const json = { ...auth, 'Content-Type': 'application/json' };
/** A CSP hash source for an inline block, as browsers compute it. */
const sha256Source = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
const inlineStyle = (html: string) => html.match(/<style>([\s\S]*?)<\/style>/)?.[1];

type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

function consoleSuite(name: string, setup: () => Promise<{ fetch: Fetch; close: () => Promise<void> }>) {
  describe(name, () => {
    let target: { fetch: Fetch; close: () => Promise<void> };
    beforeAll(async () => {
      target = await setup();
      const put = await target.fetch('/api/admin/settings', {
        method: 'PUT',
        headers: json,
        body: JSON.stringify(TEST_SETTINGS),
      });
      expect(put.status).toBe(200);
    });
    afterAll(() => target?.close());

    it('serves the static console page: only its own script may run, no inline code, no data in it', async () => {
      const response = await target.fetch('/admin');
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      const html = await response.text();
      expect(html).toContain('<script src="/admin/console.js" defer=""></script>');
      expect(html.match(/<script\b/g)).toHaveLength(1);
      expect(html).not.toMatch(/\son[a-z]+=/i);
      expect(html).not.toContain(ADMIN_TOKEN);
      // The token field has no name: even a native submit could not put it into a URL.
      expect(html).toContain('<input id="token" type="password"');
      expect(csp).toContain("form-action 'none'");
    });

    it('serves the bundled script and style sheet', async () => {
      const script = await target.fetch('/admin/console.js');
      expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
      expect(await script.text()).toBe(CONSOLE_SCRIPT);
      const css = await target.fetch('/admin/console.css');
      expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    });

    it('revalidates the script by ETag, also in the weak and list forms browsers and proxies send', async () => {
      const etag = (await target.fetch('/admin/console.js')).headers.get('etag') ?? '';
      for (const header of [etag, `W/${etag}`, `"other", ${etag}`]) {
        const again = await target.fetch('/admin/console.js', { headers: { 'If-None-Match': header } });
        expect(again.status, header).toBe(304);
      }
      const changed = await target.fetch('/admin/console.js', { headers: { 'If-None-Match': '"other"' } });
      expect(changed.status).toBe(200);
    });

    it('previews only for the admin token, with lint and the three renderings, text escaped', async () => {
      const body = JSON.stringify({
        draft: {
          text: { ru: '<script>alert(1)</script> Таймаут SDBL до {until}.' },
          bases: ['buh'],
          severity: 'outage',
          displayUntil: iso(Date.now() + HOUR),
        },
        baseKey: 'buh',
        language: 'ru',
      });
      const anonymous = await target.fetch('/admin/preview', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
      expect(anonymous.status).toBe(401);
      const response = await target.fetch('/admin/preview', { method: 'POST', headers: json, body });
      expect(response.status).toBe(200);
      const previews = (await response.json()) as Record<string, unknown> & {
        warnings: { code: string; language: string }[];
      };
      expect(previews.warnings.map((w) => `${w.language}:${w.code}`)).toEqual(['ru:jargon']);
      for (const key of ['dialog', 'offline', 'status'] as const) {
        const html = String(previews[key]);
        expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
        expect(html).not.toContain('<script>alert(1)');
      }
      expect(String(previews.dialog)).toContain('Дежурный администратор: +7 (495) 123-45-67');
      // The frames inherit the console's CSP: each preview's style sheet, the bundle's very bytes
      // (the Worker's read from its static assets), is allowed there by its hash.
      const csp = (await target.fetch('/admin')).headers.get('content-security-policy') ?? '';
      const inline = await bundledInlineAssets();
      for (const [key, css] of [
        ['dialog', inline.thinClientDialogStyle.text],
        ['offline', inline.offlinePage.style],
        ['status', inline.statusPageStyle.text],
      ] as const) {
        expect(inlineStyle(String(previews[key])), key).toBe(css);
        expect(csp, key).toContain(sha256Source(css));
      }
    });

    it('returns lint warnings on create and update without refusing the save; PATCH to now ends a message', async () => {
      const created = await target.fetch('/api/admin/messages', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          text: { ru: 'СЕРВЕР СУБД недоступен!! СРОЧНО', en: 'Back after {until}.' },
          bases: ['buh'],
          severity: 'outage',
          displayUntil: iso(Date.now() + HOUR),
        }),
      });
      expect(created.status).toBe(201);
      const message = (await created.json()) as {
        id: string;
        warnings: { code: string; language: string }[];
      };
      expect(message.warnings.map((w) => `${w.language}:${w.code}`)).toEqual([
        'ru:no-deadline',
        'ru:jargon',
        'ru:all-caps',
        'ru:many-exclamations',
      ]);
      // The shape /openapi.json publishes is the shape the API sends.
      expect(z.array(MessageLintWarning).parse(message.warnings)).toEqual(message.warnings);
      expect(
        ((await (await target.fetch('/startup-error/buh')).json()) as { userMessage?: string }).userMessage,
      ).toBe('СЕРВЕР СУБД недоступен!! СРОЧНО');

      const patched = await target.fetch(`/api/admin/messages/${message.id}`, {
        method: 'PATCH',
        headers: { ...json, 'If-Match': created.headers.get('etag') ?? '' },
        body: JSON.stringify({ text: { ru: 'Вход после {until}.' }, displayUntil: iso(Date.now()) }),
      });
      expect(patched.status).toBe(200);
      expect(((await patched.json()) as { warnings: unknown[] }).warnings).toEqual([]);
      const answer = (await (await target.fetch('/startup-error/buh')).json()) as { userMessage?: string };
      expect(answer.userMessage).toBeUndefined();
      const status = await (await target.fetch('/status/buh?lang=ru')).text();
      expect(status.split('Сообщения за последние 30 дней')[0]).not.toContain('Вход после');
    });

    it('serves the status page and the feed', async () => {
      const status = await target.fetch('/status?lang=lv');
      expect(status.status).toBe(200);
      const html = await status.text();
      expect(html).toContain('1C statuss');
      // Its script and style sheet are the bundle's very bytes (the Worker's read from its static
      // assets), each allowed by the hash of what the page carries.
      const inline = await bundledInlineAssets();
      const script = html.match(/<script>([\s\S]*?)<\/script>/)?.[1];
      expect(script).toBe(inline.statusPageScript.text);
      expect(inlineStyle(html)).toBe(inline.statusPageStyle.text);
      const csp = status.headers.get('content-security-policy');
      expect(csp).toContain(`script-src ${sha256Source(inline.statusPageScript.text)};`);
      expect(csp).toContain(`style-src ${sha256Source(inline.statusPageStyle.text)};`);
      const feed = await target.fetch('/feed.atom');
      expect(feed.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    });
  });
}

consoleSuite('console, status page and feed via app.request (SQLite store)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'console-api-'));
  const store = await openNodeStore({ dir, logger: silentLogger });
  const app = createApp({
    store,
    verifyAdminToken: createTokenVerifier([{ label: 'ops', sha256: await sha256Hex(ADMIN_TOKEN) }]),
    consoleFiles: bundledConsoleFiles,
  });
  return {
    fetch: async (path, init) => app.request(path, init),
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});

// The same console inside the shipped Workers bundle: no file system at runtime, everything bundled.
consoleSuite('console, status page and feed in dist/worker/worker.mjs (miniflare, D1)', async () => {
  const mf = await startWorker({ ADMIN_TOKEN: `ops:${ADMIN_TOKEN}` });
  return {
    fetch: async (path, init) => {
      const response = await mf.dispatchFetch(`http://startup-help.test${path}`, init as never);
      return new Response([204, 304].includes(response.status) ? null : await response.arrayBuffer(), {
        status: response.status,
        headers: [...response.headers.entries()],
      });
    },
    close: () => mf.dispose(),
  };
});
