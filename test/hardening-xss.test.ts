// An XSS payload matrix through every HTML surface, in real Chromium: the public status page,
// the admin console (every view, the editor and its previews), the proxy's friendly page, and the
// client-sw offline page fed by the real service. Admin-provided texts, base names and what anyone
// can send to /startup-error (captured and shown in the console) carry payloads that would set
// window.__pwned; none may run, none may become an element, and every surface sends a CSP.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPersistentChromium } from './chromium.ts';
import { kitWithConfig, startOrigin } from './client-sw-harness.ts';
import { killLeftovers, type NodeServerProcess, startNodeServer } from './hardening-node-server.ts';
import { type FakeOrigin, startFakeOrigin } from './proxy-fake-origin.ts';

const TOKEN = 'xss-admin-token-0123456789abcdef';
/** Two busy cores: give the browser time to render before a poll gives up. */
const POLL = { timeout: 15_000 };
const SHOTS = join(import.meta.dirname, '..', 'test-results', 'hardening');

/** Each would set window.__pwned (or parent's) if it were ever parsed as HTML or run as script. */
const PAYLOADS = [
  `<img src=x onerror="window.__pwned='img'">`,
  `<script>window.__pwned='script'</script>`,
  `</script><script>window.__pwned='breakout'</script>`,
  `"><svg onload="window.__pwned='svg'">`,
  `'><iframe srcdoc="<script>parent.__pwned='srcdoc'</script>"></iframe>`,
  `<a href="javascript:window.__pwned='href'">x</a>`,
  `{{constructor.constructor('window.__pwned=1')()}}`,
  `<!--<img src="--><img src=x onerror="window.__pwned='comment'">`,
  `\u2028\u2029</style><style>*{background:url(javascript:window.__pwned=1)}</style>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned='mxss'">`,
];
const ALL = PAYLOADS.join(' ');
/** A piece every surface must show as text: proves the payloads were rendered, not dropped. */
const VISIBLE = `onerror="window.__pwned='img'"`;

let server: NodeServerProcess;
let proxyOrigin: FakeOrigin;
let context: BrowserContext;
let page: Page;
const temps: string[] = [];

async function admin(method: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
  return response;
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  proxyOrigin = await startFakeOrigin();
  const dataDir = await mkdtemp(join(tmpdir(), 'hardening-xss-'));
  temps.push(dataDir);
  server = await startNodeServer(dataDir, {
    env: { ADMIN_TOKEN: `ops:${TOKEN}`, UPSTREAM_URL: proxyOrigin.url, UPSTREAM_TIMEOUT_MS: '1500' },
  });

  const settings = await fetch(`${server.url}/api/admin/settings`, {
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  await admin(
    'PUT',
    '/api/admin/settings',
    {
      defaultLanguage: 'ru',
      timeZone: 'Europe/Moscow',
      helpText: { ru: ALL, en: ALL },
      helpURL: `https://help.example/?q="><img src=x onerror="window.__pwned='url'">`,
      bases: Object.fromEntries([
        ['buh', { name: PAYLOADS[0], helpText: { ru: ALL } }],
        ...PAYLOADS.map((payload, i) => [`b${i}`, { name: payload.slice(0, 200) }]),
      ]),
    },
    { 'if-match': settings.headers.get('etag') ?? '' },
  );
  const until = new Date(Date.now() + 3 * 3_600_000).toISOString();
  for (const [i, payload] of PAYLOADS.entries()) {
    await admin('POST', '/api/admin/messages', {
      text: { ru: `${payload} ${ALL}`.slice(0, 2000), en: payload },
      helpText: { ru: payload },
      bases: i === 0 ? ['buh'] : [`b${i}`, 'buh'],
      severity: i === 0 ? 'outage' : 'maintenance',
      displayUntil: until,
    });
  }
  // An upcoming one too: the status page lists those separately.
  await admin('POST', '/api/admin/messages', {
    text: { ru: ALL },
    bases: ['*'],
    severity: 'info',
    startsAt: new Date(Date.now() + 3_600_000).toISOString(),
    displayUntil: until,
  });
  // What anyone on the network can send: captured and shown in the console's request log.
  for (const payload of PAYLOADS.slice(0, 4)) {
    await fetch(`${server.url}/startup-error/buh?q=${encodeURIComponent(payload)}`, {
      method: 'POST',
      headers: { 'x-evil': payload, 'user-agent': payload, 'content-type': 'text/html' },
      body: ALL,
    });
  }

  const profile = await mkdtemp(join(tmpdir(), 'hardening-xss-chromium-'));
  temps.push(profile);
  context = await launchPersistentChromium(profile, {
    locale: 'ru-RU',
    timezoneId: 'Europe/Moscow',
  });
  page = context.pages()[0] ?? (await context.newPage());
});

afterAll(async () => {
  await context?.close();
  await server?.stop();
  await proxyOrigin?.close();
  killLeftovers();
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

/**
 * Nothing ran and nothing became markup, in the page and in every frame (previews are iframes):
 * no __pwned, no inline event handler attributes, no javascript: links, no payload elements. Callers
 * first wait for the payload to show as text. The proof is the document itself, not a pause: each
 * frame has finished loading (every image parsed into it has fired its load or error event by then),
 * and a payload that had become an element, even one whose handler has not fired yet, is in the DOM.
 */
async function expectInert(label: string): Promise<void> {
  for (const frame of page.frames()) {
    await frame.waitForFunction(() => document.readyState === 'complete', undefined, POLL);
    const found = await frame.evaluate(() => {
      const handlers = [...document.querySelectorAll('*')].filter((el) =>
        [...el.attributes].some((attribute) => attribute.name.toLowerCase().startsWith('on')),
      ).length;
      return {
        pwned: (window as { __pwned?: unknown }).__pwned,
        handlers,
        jsLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
        injected: document.querySelectorAll(
          'img[src="x"], svg[onload], mglyph, iframe[srcdoc*="<script>parent.__pwned"]',
        ).length,
      };
    });
    expect(found, `${label} (${frame.url() || 'frame'})`).toEqual({
      pwned: undefined,
      handlers: 0,
      jsLinks: 0,
      injected: 0,
    });
  }
}

/** The document's CSP (header or meta): scripts limited, no 'unsafe-inline' for them. */
function expectStrictCsp(policy: string | null | undefined, label: string): void {
  expect(policy, `${label}: Content-Security-Policy`).toBeTruthy();
  const scriptSrc =
    /(?:^|;)\s*script-src([^;]*)/.exec(policy ?? '')?.[1] ??
    /(?:^|;)\s*default-src([^;]*)/.exec(policy ?? '')?.[1];
  expect(scriptSrc, `${label}: script-src`).toBeDefined();
  expect(scriptSrc, `${label}: script-src`).not.toMatch(/'unsafe-inline'|'unsafe-eval'|\*/);
}

async function documentCsp(headerValue: string | undefined): Promise<string | null | undefined> {
  return (
    headerValue ??
    (await page.evaluate(
      () =>
        document.querySelector('meta[http-equiv="Content-Security-Policy" i]')?.getAttribute('content') ??
        null,
    ))
  );
}

describe('XSS payloads in every HTML surface (Chromium)', () => {
  it('the public status page (all bases and one base) shows them as text', async () => {
    for (const path of ['/status', '/status/buh', '/status/b3']) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(200);
      expectStrictCsp(await documentCsp(response?.headers()['content-security-policy']), path);
      expect(await page.locator('body').textContent(), path).toContain(VISIBLE);
      await expectInert(path);
    }
    await page.screenshot({ path: join(SHOTS, 'xss-status-page.png'), fullPage: true });
  });

  it('the admin console: messages, editor with previews, settings, audit, captured requests, reports', async () => {
    const response = await page.goto(`${server.url}/admin`);
    expectStrictCsp(await documentCsp(response?.headers()['content-security-policy']), '/admin');
    await page.locator('#token').fill(TOKEN);
    await page.locator('#sign-in-form button[type="submit"], #sign-in-form button').first().click();
    await page.locator('#app').waitFor({ state: 'visible' });
    await expect.poll(() => page.locator('#list-active').textContent(), POLL).toContain(VISIBLE);
    await expectInert('console messages');

    await page.locator('#list-active button.edit').first().click();
    await page.locator('#editor').waitFor({ state: 'visible' });
    // The previews render the message as users will see it, in sandboxed frames.
    await expect.poll(() => page.locator('#preview-status').getAttribute('srcdoc'), POLL).toBeTruthy();
    const previewText = async () =>
      (
        await Promise.all(
          page
            .frames()
            .slice(1)
            .map((f) => f.evaluate(() => document.body?.textContent ?? '')),
        )
      ).join('\n');
    await expect.poll(previewText, POLL).toContain('window.__pwned');
    await expectInert('console editor and previews');
    await page.screenshot({ path: join(SHOTS, 'xss-console-editor.png'), fullPage: true });
    await page.locator('#cancel-edit').click();

    for (const view of ['settings', 'audit', 'requests', 'reports']) {
      await page.locator(`button.tab[data-view="${view}"]`).click();
      await page.locator(`#view-${view}`).waitFor({ state: 'visible' });
      if (view === 'requests') {
        await expect.poll(() => page.locator('#requests-table').textContent(), POLL).toContain(VISIBLE);
      } else if (view === 'audit') {
        await expect.poll(() => page.locator('#audit-table').textContent(), POLL).toContain(VISIBLE);
      } else {
        await page.waitForLoadState('networkidle');
      }
      await expectInert(`console ${view}`);
    }
    await page.screenshot({ path: join(SHOTS, 'xss-console-requests.png'), fullPage: true });
  });

  it("the proxy's friendly page (origin down) shows the message as text", async () => {
    await proxyOrigin.setMode('refuse');
    for (const path of ['/buh/', '/b4/ru_RU/', '/nobody/']) {
      const response = await page.goto(`${server.url}${path}`);
      expect(response?.status(), path).toBe(503);
      expectStrictCsp(await documentCsp(response?.headers()['content-security-policy']), `proxy ${path}`);
      await expect
        .poll(() => page.locator('body').textContent(), { ...POLL, message: path })
        .toContain('window.__pwned');
      await expectInert(`proxy friendly page ${path}`);
    }
    await page.screenshot({ path: join(SHOTS, 'xss-proxy-friendly-page.png'), fullPage: true });
    await proxyOrigin.setMode('ok');
  });

  it('the client-sw offline page, fed by the real service, shows it as text', async () => {
    const kit = await kitWithConfig({
      statusURL: `${server.url}/startup-error/buh`,
      baseName: PAYLOADS[3],
      helpText: { ru: ALL },
      helpURL: 'https://help.example.local/1c',
      networkTimeoutSeconds: 2,
    });
    temps.push(kit.dir);
    const origin = await startOrigin(kit.dir);
    try {
      await page.goto(`${origin.url}/buh/`);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      await origin.setMode('refuse');
      await page.goto(`${origin.url}/buh/deep/link`);
      await page.locator('#sh-title').waitFor();
      await expect.poll(() => page.locator('#sh-user-message').textContent(), POLL).toContain(VISIBLE);
      expectStrictCsp(await documentCsp(undefined), 'client-sw offline page');
      await expectInert('client-sw offline page');
      await page.screenshot({ path: join(SHOTS, 'xss-offline-page.png'), fullPage: true });
    } finally {
      await origin.close();
    }
  });
});
