// The offline page must render server-side on Cloudflare Workers too (proxy mode, console): bundle
// renderOfflinePage for workerd without node:* or fs, and render it there.
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain .mjs build script without type declarations
import { esbuildVirtualModules } from '../scripts/virtual-modules.mjs';
import { COMPATIBILITY_DATE } from './worker-harness.ts';

const ENTRY = `
import { SwConfig } from './contract/kit-config.ts';
import { bundledOfflinePageAssets } from './client-sw/src/offline-page/bundled-page-assets.ts';
import { offlinePageCsp, renderOfflinePage } from './client-sw/src/offline-page/render-offline-page.ts';
export default {
  fetch(request) {
    const language = new URL(request.url).searchParams.get('lang') ?? undefined;
    const config = SwConfig.parse({ baseName: 'Бухгалтерия', statusURL: 'https://status.example.local/startup-error/buh' });
    const html = renderOfflinePage({
      config,
      language,
      failure: { kind: 'server-error', status: 502, url: request.url, at: new Date().toISOString() },
      initialStatus: { userMessage: '<b>Работы</b> до 14:00', displayUntil: new Date(Date.now() + 3600e3).toISOString() },
    }, bundledOfflinePageAssets());
    return new Response(html, {
      headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': offlinePageCsp(bundledOfflinePageAssets(), config) },
    });
  },
};`;

let mf: Miniflare;

beforeAll(async () => {
  const bundle = await esbuild.build({
    stdin: { contents: ENTRY, resolveDir: join(import.meta.dirname, '..'), loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    plugins: [esbuildVirtualModules()],
  });
  mf = new Miniflare({
    modules: true,
    script: bundle.outputFiles[0]?.text ?? '',
    compatibilityDate: COMPATIBILITY_DATE,
  });
});

afterAll(async () => {
  await mf?.dispose();
});

describe('renderOfflinePage on workerd', () => {
  it('renders the page with the server-known message escaped and a strict CSP', async () => {
    const response = await mf.dispatchFetch('http://publication.test/buh/e1cib?lang=en');
    const html = await response.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('Cannot connect to Бухгалтерия');
    expect(html).toContain('&lt;b&gt;Работы&lt;/b&gt; до 14:00');
    expect(html).toContain('Server error (HTTP 502)');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'sha256-[A-Za-z0-9+/]+=*'/);
    expect(csp).toContain("connect-src 'self' https://status.example.local");
  });
});
