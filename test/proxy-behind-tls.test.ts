import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUpstreamProxy } from '../server/src/proxy/index.ts';
import { type FakeOrigin, startFakeOrigin } from './proxy-fake-origin.ts';

/**
 * Node behind nginx that terminates TLS: the browser is on https://1c.example.com, the service sees
 * http://127.0.0.1:8787. With TRUST_PROXY the proxy speaks of the browser's address; without it,
 * forged X-Forwarded-* headers change nothing.
 */
describe('proxy mode behind a TLS-terminating reverse proxy', () => {
  let origin: FakeOrigin;
  const seen: URL[] = [];
  const proxy = (trustForwardedHeaders: boolean) =>
    createUpstreamProxy({
      upstreamURL: origin.url,
      trustForwardedHeaders,
      kit: { 'sw.js': '', 'register-sw.js': '', 'offline.html': '', config: {} },
      renderFriendlyPage: ({ publicURL }) => {
        seen.push(publicURL);
        return { language: 'ru', html: '<!doctype html><html lang="ru"></html>' };
      },
    });
  const fromNginx = {
    'x-forwarded-proto': 'https',
    'x-forwarded-host': '1c.example.com',
    'sec-fetch-mode': 'navigate',
  };

  beforeAll(async () => {
    origin = await startFakeOrigin();
  });
  afterAll(async () => {
    await origin.close();
  });

  it('with TRUST_PROXY, redirects, the kit config and the friendly page name the public https address', async () => {
    const app = proxy(true);
    const redirect = await app.request('http://127.0.0.1:8787/buh', { headers: fromNginx });
    expect(redirect.headers.get('location')).toBe('https://1c.example.com/buh/ru_RU/');
    const config = await app.request('http://127.0.0.1:8787/buh/startup-help.config.json', {
      headers: fromNginx,
    });
    expect(((await config.json()) as { statusURL: string }).statusURL).toBe(
      'https://1c.example.com/startup-error/buh',
    );
    await origin.setMode('refuse');
    const page = await app.request('http://127.0.0.1:8787/buh/ru_RU/', { headers: fromNginx });
    expect(page.status).toBe(503);
    expect(seen.at(-1)?.href).toBe('https://1c.example.com/buh/ru_RU/');
    await origin.setMode('ok');
  });

  it('without it, the same headers are ignored', async () => {
    const app = proxy(false);
    const redirect = await app.request('http://127.0.0.1:8787/buh', { headers: fromNginx });
    expect(redirect.headers.get('location')).toBe('http://127.0.0.1:8787/buh/ru_RU/');
  });
});
