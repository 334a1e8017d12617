import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientKitFromText, createUpstreamProxy, type FriendlyPageInput } from '../server/src/proxy/index.ts';
import { type FakeOrigin, startFakeOrigin } from './proxy-fake-origin.ts';

/**
 * The proxy sub-app (the Workers path) behind nginx that terminates TLS: the browser is on
 * https://1c.example.com, the service sees http://127.0.0.1:8787. Absolute links come from
 * PUBLIC_URL only; X-Forwarded-* headers, trusted or not, never make them.
 */
describe('proxy mode behind a TLS-terminating reverse proxy', () => {
  let origin: FakeOrigin;
  const seen: FriendlyPageInput[] = [];
  const proxy = (publicOrigin: string | undefined, trustForwardedHeaders: boolean) =>
    createUpstreamProxy({
      upstreamURL: origin.url,
      publicOrigin,
      trustForwardedHeaders,
      kit: clientKitFromText({ 'sw.js': '', 'register-sw.js': '', 'offline.html': '' }, {}),
      renderFriendlyPage: (input) => {
        seen.push(input);
        return { language: 'ru', html: '<!doctype html><html lang="ru"></html>' };
      },
    });
  const fromNginx = {
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'evil.example',
    'sec-fetch-mode': 'navigate',
  };

  beforeAll(async () => {
    origin = await startFakeOrigin();
  });
  afterAll(async () => {
    await origin.close();
  });

  it('with PUBLIC_URL, redirects, the kit config and the friendly page name the public https address', async () => {
    const app = proxy('https://1c.example.com', true);
    const redirect = await app.request('http://127.0.0.1:8787/buh', { headers: fromNginx });
    expect(redirect.headers.get('location')).toBe('https://1c.example.com/buh/ru_RU/');
    const config = await app.request('http://127.0.0.1:8787/buh/startup-help.config.json', {
      headers: fromNginx,
    });
    expect(((await config.json()) as { statusURL: string }).statusURL).toBe(
      'https://1c.example.com/startup-error/buh',
    );
    await origin.setMode('refuse');
    const page = await app.request('http://127.0.0.1:8787/buh/ru_RU/?lang=en', { headers: fromNginx });
    expect(page.status).toBe(503);
    expect(seen.at(-1)).toMatchObject({
      serviceOrigin: 'https://1c.example.com',
      url: '/buh/ru_RU/?lang=en',
      lang: 'en',
    });
    await origin.setMode('ok');
  });

  it('without it, a redirect to the origin becomes a path; forwarded headers change no link', async () => {
    const app = proxy(undefined, true);
    const redirect = await app.request('http://127.0.0.1:8787/buh', { headers: fromNginx });
    expect(redirect.headers.get('location')).toBe('/buh/ru_RU/');
    const config = await app.request('http://127.0.0.1:8787/buh/startup-help.config.json', {
      headers: fromNginx,
    });
    expect(((await config.json()) as { statusURL: string }).statusURL).toBe(
      'http://127.0.0.1:8787/startup-error/buh',
    );
  });

  it("with TRUST_PROXY the 1C server gets the front's X-Forwarded-Proto/-Host; without it, what this hop saw", async () => {
    const headersSeen = async (trust: boolean) => {
      const response = await proxy(undefined, trust).request('http://127.0.0.1:8787/buh/headers', {
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-host': '1c.example.com' },
      });
      return (await response.json()) as Record<string, string>;
    };
    expect(await headersSeen(true)).toMatchObject({
      'x-forwarded-proto': 'https',
      'x-forwarded-host': '1c.example.com',
    });
    expect(await headersSeen(false)).toMatchObject({
      'x-forwarded-proto': 'http',
      'x-forwarded-host': '127.0.0.1:8787',
    });
  });
});
